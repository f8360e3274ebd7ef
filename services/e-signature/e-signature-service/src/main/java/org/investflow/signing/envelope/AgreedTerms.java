package org.investflow.signing.envelope;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.investflow.platform.domain.Money;
import org.investflow.signing.events.MilestoneDeadlines;
import org.investflow.signing.events.Tranche;

/**
 * The frozen terms of the agreement a contract is drafted from.
 *
 * @param investment       the amount invested, exact, in its ISO 4217 currency
 * @param jobs             jobs the investor commits to create
 * @param landingDeadline  the day by which the project must land
 * @param capitalSchedule  the agreed tranches in the investment's currency, in order of due date; empty when not scheduled
 * @param milestones       the agreed milestone deadlines, or null when none were agreed
 * @param district         the district of the land granted, or null when no land was agreed: it names
 *                         the district representative who signs
 */
public record AgreedTerms(Money investment, int jobs, LocalDate landingDeadline, List<Tranche> capitalSchedule,
                          MilestoneDeadlines milestones, String district) {

    public AgreedTerms {
        Objects.requireNonNull(investment, "investment");
        Objects.requireNonNull(landingDeadline, "landingDeadline");
        if (!investment.isPositive()) {
            throw new IllegalArgumentException("investment must be positive");
        }
        if (jobs < 0) {
            throw new IllegalArgumentException("jobs must not be negative");
        }
        capitalSchedule = List.copyOf(Objects.requireNonNull(capitalSchedule, "capitalSchedule"));
    }
}
