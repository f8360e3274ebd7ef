package org.investflow.intake.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/** A case officer rejected the intention, with the reason the investor is told. */
public record IntentionRejected(String caseId, String investorId, String reason, Instant occurredAt, Actor actor)
        implements IntakeEvent {

    public IntentionRejected {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
