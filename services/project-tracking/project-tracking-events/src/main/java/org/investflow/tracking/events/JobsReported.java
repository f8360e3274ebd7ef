package org.investflow.tracking.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A case officer recorded how many jobs the project has created to date (evidence against the jobs
 * the contract committed). The latest effective report by {@code asOf} is the project's figure.
 *
 * @param jobsCreated jobs created by the project up to {@code asOf}, never negative
 * @param asOf        the day the count refers to, never after the day it was recorded
 * @param jobsCreatedToDate the project's figure after this report: the latest report in effect (by {@code asOf})
 * @param entryId     the project's id of this evidence entry, which a correction names
 * @param supersedes  for a correction, the jobs entry it replaces; null for a new report
 * @param reason      why the correction was made; null exactly when {@code supersedes} is
 */
public record JobsReported(String caseId, String investorId, int jobsCreated, LocalDate asOf, int jobsCreatedToDate,
                           String entryId,
                           String supersedes, String reason, Instant occurredAt, Actor actor) implements TrackingEvent {

    public JobsReported {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        if (jobsCreated < 0) {
            throw new IllegalArgumentException("jobs created must not be negative");
        }
    }
}
