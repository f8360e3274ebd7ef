package org.investflow.negotiation.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The terms of one term-sheet version: what the investor commits to, what the commission grants and
 * by when the project must land. Immutable; a counter-offer is a new version with new terms. The four
 * first components are always there; the structured parts are optional (empty or null when a term
 * sheet does not settle them), so a term sheet of the first release is still a complete one.
 *
 * @param investmentAmount   exact decimal amount in {@code currency}, positive, at most two fraction digits
 * @param currency           ISO 4217 alphabetic code
 * @param jobs               jobs the project creates, not negative
 * @param landingDeadline    the day by which the project must have landed
 * @param capitalSchedule    tranches that add up to {@code investmentAmount}, in order of due date; empty when not scheduled
 * @param land               the land granted, or null
 * @param incentives         at most one incentive of each kind; empty when none
 * @param milestones         deadlines of the milestones, or null
 * @param specialConditions  free-text clauses, in order; empty when none
 */
public record Terms(BigDecimal investmentAmount, String currency, int jobs, LocalDate landingDeadline,
                    List<Tranche> capitalSchedule, Land land, List<Incentive> incentives, MilestoneDeadlines milestones,
                    List<String> specialConditions) {

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
        capitalSchedule = capitalSchedule == null ? List.of() : List.copyOf(capitalSchedule);
        incentives = incentives == null ? List.of() : List.copyOf(incentives);
        specialConditions = specialConditions == null ? List.of() : List.copyOf(specialConditions);
    }

    /** The four terms of the first release, nothing structured settled. */
    public Terms(BigDecimal investmentAmount, String currency, int jobs, LocalDate landingDeadline) {
        this(investmentAmount, currency, jobs, landingDeadline, List.of(), null, List.of(), null, List.of());
    }

    /** Whether any structured part (schedule, land, incentives, milestones, conditions) is settled. */
    public boolean hasStructure() {
        return !capitalSchedule.isEmpty() || land != null || !incentives.isEmpty() || milestones != null
                || !specialConditions.isEmpty();
    }
}
