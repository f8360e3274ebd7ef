package org.investflow.signing.envelope;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The frozen terms of the agreement a contract is drafted from.
 *
 * @param investmentAmount exact decimal amount in {@code currency}
 * @param currency         ISO 4217
 * @param jobs             jobs the investor commits to create
 * @param landingDeadline  the day by which the project must land
 */
public record AgreedTerms(BigDecimal investmentAmount, String currency, int jobs, LocalDate landingDeadline) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public AgreedTerms {
        Objects.requireNonNull(investmentAmount, "investmentAmount");
        Objects.requireNonNull(landingDeadline, "landingDeadline");
        if (investmentAmount.signum() <= 0) {
            throw new IllegalArgumentException("investmentAmount must be positive");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
        if (jobs < 0) {
            throw new IllegalArgumentException("jobs must not be negative");
        }
    }
}
