package org.investflow.intake.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * Intake screened a submitted (or updated) intention automatically and routed it.
 *
 * @param outcome           {@code CLEARED}, {@code REVIEW} or {@code PROHIBITED} (then an IntentionRejected follows)
 * @param flags             any of {@code RESTRICTED}, {@code DUPLICATE}, {@code MAJOR_PROJECT}
 * @param duplicateOf       the earlier case it duplicates, or null
 * @param reportingAmount   the planned amount in {@code reportingCurrency}
 * @param assignedOfficerId the officer it was routed to, or null when no officer's specialisms cover it
 */
public record IntentionScreened(String caseId, String investorId, String outcome, List<String> flags,
                                List<ScreeningReason> reasons, String duplicateOf, BigDecimal reportingAmount,
                                String reportingCurrency, String assignedOfficerId, Instant occurredAt, Actor actor)
        implements IntakeEvent {

    public IntentionScreened {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(outcome, "outcome");
        flags = List.copyOf(flags);
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(reportingAmount, "reportingAmount");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
