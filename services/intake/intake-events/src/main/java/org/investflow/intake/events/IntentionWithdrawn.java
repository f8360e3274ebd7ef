package org.investflow.intake.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/** The investor withdrew the intention before a decision. */
public record IntentionWithdrawn(String caseId, String investorId, String reason, Instant occurredAt, Actor actor)
        implements IntakeEvent {

    public IntentionWithdrawn {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
