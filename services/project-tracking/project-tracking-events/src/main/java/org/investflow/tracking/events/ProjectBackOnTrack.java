package org.investflow.tracking.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A delayed project has evidence for every milestone that was overdue: it is no longer DELAYED.
 * Published in the same step as the evidence that cleared the delay (a milestone, a capital injection,
 * or the landing it completes).
 */
public record ProjectBackOnTrack(String caseId, String investorId, Instant occurredAt, Actor actor) implements TrackingEvent {

    public ProjectBackOnTrack {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
