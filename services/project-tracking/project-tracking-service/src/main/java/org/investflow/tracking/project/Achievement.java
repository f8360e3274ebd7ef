package org.investflow.tracking.project;

import java.time.LocalDate;
import java.util.Objects;

/** A milestone and the day the project achieved it, as an officer reports it. */
public record Achievement(Milestone milestone, LocalDate achievedOn) {

    public Achievement {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(achievedOn, "achievedOn");
    }

    /** Whether {@code other} reports the same milestone: a correction may change the day, not the milestone. */
    boolean sameMilestoneAs(Achievement other) {
        return milestone == other.milestone;
    }
}
