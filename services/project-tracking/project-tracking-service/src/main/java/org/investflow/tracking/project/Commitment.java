package org.investflow.tracking.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the investor committed to in the executed contract.
 *
 * @param amount   exact decimal amount in {@code currency}
 * @param currency ISO 4217
 */
public record Commitment(BigDecimal amount, String currency, int jobs, LocalDate landingDeadline) {

    public Commitment {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(landingDeadline, "landingDeadline");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("committed amount must be positive");
        }
        if (jobs < 0) {
            throw new IllegalArgumentException("committed jobs must not be negative");
        }
    }
}
