package org.investflow.negotiation.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The terms of one term-sheet version: what the investor commits to and by when the project must
 * land. Immutable; a counter-offer is a new version with new terms.
 *
 * @param investmentAmount exact decimal amount in {@code currency}, positive, at most two fraction digits
 * @param currency         ISO 4217 alphabetic code
 * @param jobs             jobs the project creates, not negative
 * @param landingDeadline  the day by which the project must have landed
 */
public record Terms(BigDecimal investmentAmount, String currency, int jobs, LocalDate landingDeadline) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Terms {
        Objects.requireNonNull(investmentAmount, "investmentAmount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(landingDeadline, "landingDeadline");
        if (investmentAmount.signum() <= 0 || investmentAmount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("investmentAmount must be positive with at most two fraction digits");
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
        if (jobs < 0) {
            throw new IllegalArgumentException("jobs must not be negative");
        }
    }
}
