package org.investflow.intake.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/** A leader moved the case to another officer (from null when it had none). */
public record IntentionReassigned(String caseId, String investorId, String fromOfficerId, String toOfficerId,
                                  Instant occurredAt, Actor actor) implements IntakeEvent {

    public IntentionReassigned {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(toOfficerId, "toOfficerId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
