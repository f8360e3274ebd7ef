package org.investflow.tracking.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A case officer recorded that the project achieved a milestone.
 *
 * @param milestone  {@code BUSINESS_REGISTERED}, {@code CONSTRUCTION_STARTED}, {@code CAPITAL_INJECTED} or
 *                   {@code OPERATION_STARTED}
 * @param achievedOn the day it was achieved, never after the day it was recorded
 */
public record MilestoneRecorded(String caseId, String investorId, String milestone, LocalDate achievedOn,
                                Instant occurredAt, Actor actor) implements TrackingEvent {

    public MilestoneRecorded {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(achievedOn, "achievedOn");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
