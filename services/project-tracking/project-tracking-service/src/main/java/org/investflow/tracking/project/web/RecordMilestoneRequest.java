package org.investflow.tracking.project.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import org.investflow.tracking.project.Achievement;
import org.investflow.tracking.project.Milestone;

/**
 * An officer's report that the project achieved a milestone. The date is an ISO-8601 string only
 * (the platform refuses other shapes); it is checked against the service's clock ({@code @PastOrPresent} reads it),
 * and again by the project itself.
 */
public record RecordMilestoneRequest(
        @NotNull @Pattern(regexp = "BUSINESS_REGISTERED|CONSTRUCTION_STARTED|CAPITAL_INJECTED|OPERATION_STARTED",
                message = "must be BUSINESS_REGISTERED, CONSTRUCTION_STARTED, CAPITAL_INJECTED or OPERATION_STARTED")
        String milestone,
        @NotNull @PastOrPresent LocalDate achievedOn) {

    Achievement toAchievement() {
        return new Achievement(Milestone.valueOf(milestone), achievedOn);
    }
}
