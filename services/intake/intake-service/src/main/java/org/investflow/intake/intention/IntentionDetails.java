package org.investflow.intake.intention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.investflow.platform.domain.Money;

/**
 * What the investor declared in the intention form.
 *
 * @param companyName        the company's legal name (NFC-normalised at the edge)
 * @param country            ISO 3166-1 alpha-2
 * @param registrationNumber the company's registration number in its country
 * @param contactPhone       E.164
 * @param industryCode       ISIC Rev.4 section + division, e.g. {@code C29}
 * @param currency           ISO 4217
 * @param district           a shipped district or development zone
 * @param expectedStart      when the investor expects to start
 */
public record IntentionDetails(String companyName, String country, String registrationNumber, String website,
                               String contactName, String contactEmail, String contactPhone, String industryCode,
                               InvestmentType investmentType, BigDecimal plannedAmount, String currency, int plannedJobs,
                               String district, LocalDate expectedStart, String description) {

    public IntentionDetails {
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(registrationNumber, "registrationNumber");
        Objects.requireNonNull(industryCode, "industryCode");
        Objects.requireNonNull(investmentType, "investmentType");
        Objects.requireNonNull(plannedAmount, "plannedAmount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(district, "district");
        if (plannedAmount.signum() <= 0) {
            throw new IllegalArgumentException("plannedAmount must be positive");
        }
        if (plannedJobs < 0) {
            throw new IllegalArgumentException("plannedJobs must not be negative");
        }
    }

    /** The planned investment as money; on the form and in the events it stays amount and currency. */
    public Money planned() {
        return Money.of(plannedAmount, currency);
    }

    /** The ISIC division, e.g. {@code 29} of {@code C29}. */
    public String division() {
        return industryCode.substring(1);
    }
}
