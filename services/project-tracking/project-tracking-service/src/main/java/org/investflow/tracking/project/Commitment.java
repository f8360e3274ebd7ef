package org.investflow.tracking.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the investor committed to in the executed contract.
 *
 * @param amount          exact decimal amount in {@code currency}
 * @param currency        ISO 4217
 * @param landingDeadline the day by which the project must have landed
 * @param tranches        the agreed capital schedule in order of due day; empty when none was agreed or the contract
 *                        event predates the schedule (projects stored before it have null, read as empty)
 * @param deadlines       the agreed milestone deadlines; null when none were agreed or carried
 */
public record Commitment(BigDecimal amount, String currency, int jobs, LocalDate landingDeadline,
                         List<CapitalTranche> tranches, MilestoneDeadlines deadlines) {

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
        tranches = tranches == null ? List.of() : List.copyOf(tranches);
    }

    /** A commitment without a capital schedule or milestone deadlines (every milestone is due by the landing deadline). */
    public Commitment(BigDecimal amount, String currency, int jobs, LocalDate landingDeadline) {
        this(amount, currency, jobs, landingDeadline, List.of(), null);
    }

    /**
     * The day by which {@code milestone} is due: its own deadline, but never later than the landing deadline
     * (landing needs every milestone of the rule); the landing deadline when the contract set none.
     */
    public LocalDate dueBy(Milestone milestone) {
        LocalDate own = deadlines == null ? null : deadlines.of(milestone);
        return own == null || own.isAfter(landingDeadline) ? landingDeadline : own;
    }

    /** The tranche due first; null when no schedule was agreed. */
    CapitalTranche firstTranche() {
        return tranches.stream().min(Comparator.comparing(CapitalTranche::dueBy)).orElse(null);
    }
}
