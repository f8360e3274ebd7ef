package org.investflow.tracking.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/** The project met the commission's landing rule: the foreign investment has landed. */
public record ProjectLanded(String caseId, String investorId, Instant occurredAt, Actor actor) implements TrackingEvent {

    public ProjectLanded {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
