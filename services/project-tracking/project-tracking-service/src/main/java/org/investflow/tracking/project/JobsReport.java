package org.investflow.tracking.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An officer's count of the jobs the project had created by {@code asOf}: evidence against the jobs the
 * contract committed. The latest report in effect (by {@code asOf}) is the project's figure.
 */
public record JobsReport(int jobsCreated, LocalDate asOf, String recordedBy, Instant recordedAt, String entryId,
                         String supersedes, String reason, String supersededBy) implements Evidence {

    public JobsReport {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (jobsCreated < 0) {
            throw new IllegalArgumentException("jobs created must not be negative");
        }
    }

    JobsReport supersededBy(String correction) {
        return new JobsReport(jobsCreated, asOf, recordedBy, recordedAt, entryId, supersedes, reason, correction);
    }
}
