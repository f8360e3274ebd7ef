package org.investflow.tracking.project.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.investflow.tracking.project.Correction;
import org.investflow.tracking.project.JobsCount;

/**
 * An officer's count of the jobs the project created up to {@code asOf} (an ISO day, not after today); with
 * {@code supersedes} and {@code reason} it corrects that earlier report.
 */
public record JobsReportRequest(
        @NotNull @Min(0) @Max(1_000_000) Integer jobsCreated,
        @NotNull @PastOrPresent LocalDate asOf,
        @Pattern(regexp = Corrections.ENTRY_ID, message = Corrections.ENTRY_ID_MESSAGE) String supersedes,
        @Size(min = 1, max = 500) String reason) {

    JobsCount toCount() {
        return new JobsCount(jobsCreated, asOf);
    }

    Correction correction() {
        return Corrections.of(supersedes, reason);
    }
}
