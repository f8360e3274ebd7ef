package org.investflow.tracking.project;

import java.time.LocalDate;
import java.util.Objects;

/** A milestone and the day the project achieved it, as an officer reports it. */
public record Achievement(Milestone milestone, LocalDate achievedOn) {

    public Achievement {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(achievedOn, "achievedOn");
    }
}
