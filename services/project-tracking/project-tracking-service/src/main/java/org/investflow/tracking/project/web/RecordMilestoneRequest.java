package org.investflow.tracking.project.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.investflow.tracking.project.Achievement;
import org.investflow.tracking.project.Correction;
import org.investflow.tracking.project.Milestone;

/**
 * An officer's report that the project achieved a milestone. The date is an ISO-8601 string only
 * (the platform refuses other shapes); it is checked against the service's clock ({@code @PastOrPresent} reads it),
 * and again by the project itself. With {@code supersedes} (an entry id) and {@code reason} it is a
 * correction of that entry: the same milestone with the corrected day.
 */
public record RecordMilestoneRequest(
        @NotNull @Pattern(regexp = "BUSINESS_REGISTERED|CONSTRUCTION_STARTED|CAPITAL_INJECTED|OPERATION_STARTED",
                message = "must be BUSINESS_REGISTERED, CONSTRUCTION_STARTED, CAPITAL_INJECTED or OPERATION_STARTED")
        String milestone,
        @NotNull @PastOrPresent LocalDate achievedOn,
        @Pattern(regexp = Corrections.ENTRY_ID, message = Corrections.ENTRY_ID_MESSAGE) String supersedes,
        @Size(min = 1, max = 500) String reason) {

    Achievement toAchievement() {
        return new Achievement(Milestone.valueOf(milestone), achievedOn);
    }

    /** The correction this request makes, or null for a first recording. */
    Correction correction() {
        return Corrections.of(supersedes, reason);
    }
}
