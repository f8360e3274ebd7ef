package org.investflow.tracking.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One instalment of the agreed capital schedule, in the committed currency (copied from the executed
 * contract, not shared with e-signature).
 *
 * @param amount positive amount due
 * @param dueBy  the day by which it must have been injected
 */
public record CapitalTranche(BigDecimal amount, LocalDate dueBy) {

    public CapitalTranche {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(dueBy, "dueBy");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a tranche amount must be positive");
        }
    }
}
