package org.investflow.tracking.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A milestone in the project's evidence record: when it was achieved, and who recorded it when; a
 * correction of an earlier entry names it in {@code supersedes} with its {@code reason}.
 */
public record RecordedMilestone(Milestone milestone, LocalDate achievedOn, String recordedBy, Instant recordedAt,
                                String entryId, String supersedes, String reason, String supersededBy) implements Evidence {

    public RecordedMilestone {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(achievedOn, "achievedOn");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    RecordedMilestone supersededBy(String correction) {
        return new RecordedMilestone(milestone, achievedOn, recordedBy, recordedAt, entryId, supersedes, reason, correction);
    }
}
