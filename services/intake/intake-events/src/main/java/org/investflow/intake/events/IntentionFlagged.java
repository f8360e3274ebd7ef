package org.investflow.intake.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * Intake raised a flag on an open intention after screening, e.g. {@code OVERDUE} when it waited
 * longer than the service level for a first decision.
 */
public record IntentionFlagged(String caseId, String investorId, String flag, String detail, String assignedOfficerId,
                               Instant occurredAt, Actor actor) implements IntakeEvent {

    public IntentionFlagged {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
