package org.investflow.tracking.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A milestone in the project's record: when it was achieved, and who recorded it when.
 */
public record RecordedMilestone(Milestone milestone, LocalDate achievedOn, String recordedBy, Instant recordedAt) {

    public RecordedMilestone {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(achievedOn, "achievedOn");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
