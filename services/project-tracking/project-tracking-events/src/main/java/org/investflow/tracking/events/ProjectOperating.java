package org.investflow.tracking.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A landed project started operating: published with the {@code OPERATION_STARTED} milestone that made it so.
 *
 * @param operatingSince the day operation started, as the officer reported it
 */
public record ProjectOperating(String caseId, String investorId, LocalDate operatingSince, Instant occurredAt, Actor actor)
        implements TrackingEvent {

    public ProjectOperating {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(operatingSince, "operatingSince");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
