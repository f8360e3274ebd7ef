package org.investflow.intake.intention;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the investor declared in the intention form.
 *
 * @param country ISO 3166-1 alpha-2
 * @param currency ISO 4217
 */
public record IntentionDetails(String companyName, String country, String industryCode, BigDecimal plannedAmount,
                               String currency, int plannedJobs, String district, String description) {

    public IntentionDetails {
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(plannedAmount, "plannedAmount");
        Objects.requireNonNull(currency, "currency");
        if (plannedAmount.signum() <= 0) {
            throw new IllegalArgumentException("plannedAmount must be positive");
        }
        if (plannedJobs < 0) {
            throw new IllegalArgumentException("plannedJobs must not be negative");
        }
    }
}
