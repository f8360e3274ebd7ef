package org.investflow.signing.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One instalment of the capital schedule: an amount, in the term sheet's currency, due by a day.
 *
 * @param amount positive, at most two fraction digits
 * @param dueBy  the day by which it must have been injected
 */
public record Tranche(BigDecimal amount, LocalDate dueBy) {

    public Tranche {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(dueBy, "dueBy");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a tranche amount must be positive");
        }
    }
}
