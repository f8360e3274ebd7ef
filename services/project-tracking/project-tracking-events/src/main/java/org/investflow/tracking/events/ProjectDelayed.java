package org.investflow.tracking.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * Milestones of the project are past their deadline without evidence: the project is DELAYED. Published
 * by the scheduled delay check when a project becomes delayed, and again whenever the set of overdue
 * milestones changes (evidence for one of several arrived); {@link ProjectBackOnTrack} when none is left.
 *
 * @param overdueMilestones the milestones still missing, by name, in the commission's order; never empty
 * @param deadline          the day they were due (the contract's landing deadline)
 */
public record ProjectDelayed(String caseId, String investorId, List<String> overdueMilestones, LocalDate deadline,
                             Instant occurredAt, Actor actor) implements TrackingEvent {

    public ProjectDelayed {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        overdueMilestones = List.copyOf(overdueMilestones);
        if (overdueMilestones.isEmpty()) {
            throw new IllegalArgumentException("a delayed project names at least one overdue milestone");
        }
    }
}
