package org.investflow.intake.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/** The investor updated the intention as asked and resubmitted it; a new screening follows. */
public record IntentionUpdated(String caseId, String investorId, Instant occurredAt, Actor actor) implements IntakeEvent {

    public IntentionUpdated {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
