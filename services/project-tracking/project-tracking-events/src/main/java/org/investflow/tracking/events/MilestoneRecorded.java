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
 * @param entryId    the project's id of this evidence entry ({@code E1}, {@code E2}…), which a correction names;
 *                   null in events published before entries had ids
 * @param supersedes for a correction, the entry it replaces (which stays in the project's history, superseded);
 *                   null for a first recording
 * @param reason     why the correction was made; null exactly when {@code supersedes} is
 */
public record MilestoneRecorded(String caseId, String investorId, String milestone, LocalDate achievedOn,
                                Instant occurredAt, Actor actor, String entryId, String supersedes, String reason)
        implements TrackingEvent {

    /** A first recording, without an entry id (as published before corrections existed). */
    public MilestoneRecorded(String caseId, String investorId, String milestone, LocalDate achievedOn, Instant occurredAt,
                             Actor actor) {
        this(caseId, investorId, milestone, achievedOn, occurredAt, actor, null, null, null);
    }

    public MilestoneRecorded {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(achievedOn, "achievedOn");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
