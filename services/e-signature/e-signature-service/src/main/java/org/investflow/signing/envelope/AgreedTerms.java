package org.investflow.signing.envelope;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.investflow.platform.domain.Money;
import org.investflow.signing.events.MilestoneDeadlines;
import org.investflow.signing.events.Tranche;

/**
 * The frozen terms of the agreement a contract is drafted from: every term negotiation agreed, the
 * canonical text negotiation fingerprinted, and the standard clauses in force when it was drafted.
 * Envelopes stored before a component existed read it as null (lists as empty) and render as before.
 *
 * @param investment        the amount invested, exact, in its ISO 4217 currency
 * @param jobs              jobs the investor commits to create
 * @param landingDeadline   the day by which the project must land
 * @param capitalSchedule   the agreed tranches in the investment's currency, in order of due date; empty when not scheduled
 * @param milestones        the agreed milestone deadlines, or null when none were agreed
 * @param district          the district of the land granted, or null when no land was agreed: it names
 *                          the district representative who signs
 * @param land              the land granted, or null
 * @param incentives        the incentives granted, in agreed order; empty when none
 * @param specialConditions the special conditions, in order; empty when none
 * @param canonicalTerms    the exact canonical JSON whose SHA-256 is the terms fingerprint, or null when negotiation did
 *                          not send it (earlier releases): embedded in the contract when known
 * @param clauses           the governing-law and dispute-resolution clauses frozen at drafting, or null (earlier envelopes)
 */
public record AgreedTerms(Money investment, int jobs, LocalDate landingDeadline, List<Tranche> capitalSchedule,
                          MilestoneDeadlines milestones, String district, AgreedLand land, List<AgreedIncentive> incentives,
                          List<String> specialConditions, String canonicalTerms, ContractClauses clauses) {

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
        incentives = incentives == null ? List.of() : List.copyOf(incentives);
        specialConditions = specialConditions == null ? List.of() : List.copyOf(specialConditions);
    }

    /** Terms without land details, incentives, conditions, canonical text or clauses. */
    public AgreedTerms(Money investment, int jobs, LocalDate landingDeadline, List<Tranche> capitalSchedule,
                       MilestoneDeadlines milestones, String district) {
        this(investment, jobs, landingDeadline, capitalSchedule, milestones, district, null, List.of(), List.of(), null, null);
    }
}
