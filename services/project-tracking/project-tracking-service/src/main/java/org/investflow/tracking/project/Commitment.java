package org.investflow.tracking.project;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.investflow.platform.domain.InvalidInputException;
import org.investflow.platform.domain.Money;

/**
 * What the investor committed to in the executed contract.
 *
 * @param capital         the committed capital; positive
 * @param landingDeadline the day by which the project must have landed
 * @param tranches        the agreed capital schedule, in the committed currency; empty when none was agreed
 * @param deadlines       the agreed milestone deadlines; null when none were agreed
 */
public record Commitment(Money capital, int jobs, LocalDate landingDeadline, List<CapitalTranche> tranches,
                         MilestoneDeadlines deadlines) {

    public Commitment {
        Objects.requireNonNull(capital, "capital");
        Objects.requireNonNull(landingDeadline, "landingDeadline");
        if (!capital.isPositive()) {
            throw new IllegalArgumentException("committed amount must be positive");
        }
        if (jobs < 0) {
            throw new IllegalArgumentException("committed jobs must not be negative");
        }
        tranches = List.copyOf(tranches);
    }

    /** A commitment without a capital schedule or milestone deadlines (every milestone is due by the landing deadline). */
    public Commitment(Money capital, int jobs, LocalDate landingDeadline) {
        this(capital, jobs, landingDeadline, List.of(), null);
    }

    /** The committed currency: capital is recorded in it only. */
    public String currency() {
        return capital.currency();
    }

    /**
     * The day by which {@code milestone} is due: its own deadline, but never later than the landing deadline
     * (landing needs every milestone of the rule); the landing deadline when the contract set none.
     */
    public LocalDate dueBy(Milestone milestone) {
        LocalDate own = deadlines == null ? null : deadlines.of(milestone);
        return own == null || own.isAfter(landingDeadline) ? landingDeadline : own;
    }

    /**
     * Whether {@code realised} capital puts the first tranche in: it reached the amount of the tranche due first
     * when the contract scheduled tranches, any capital at all when it did not.
     */
    boolean firstTrancheIn(Money realised) {
        return tranches.stream().min(Comparator.comparing(CapitalTranche::dueBy))
                .map(first -> realised.isAtLeast(Money.of(first.amount(), currency())))
                .orElse(realised.isPositive());
    }

    /** Refuses (naming {@code currency}) an amount in another currency: no exchange rates are kept. */
    void requireCommittedCurrency(Money amount) {
        if (!amount.currency().equals(currency())) {
            throw new InvalidInputException(Map.of("currency", amount.currency() + " is not the committed currency " + currency()
                    + "; no exchange rates are kept, so capital is recorded in " + currency() + " only"));
        }
    }

    /** Whether {@code realised} capital is more than committed. */
    boolean exceededBy(Money realised) {
        return !capital.isAtLeast(realised);
    }
}
