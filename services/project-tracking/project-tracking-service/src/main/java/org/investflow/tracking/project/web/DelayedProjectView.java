package org.investflow.tracking.project.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.investflow.tracking.project.Milestone;
import org.investflow.tracking.project.Project;

/** A row of the delayed-projects list: the project, its deadline, the milestones overdue and since when. */
public record DelayedProjectView(String caseId, String investorId, String officerId, LocalDate landingDeadline,
                                 List<Milestone> overdueMilestones, Instant delayedSince) {

    static DelayedProjectView of(Project project) {
        return new DelayedProjectView(project.caseId().value(), project.investorId(), project.officerId(),
                project.commitment().landingDeadline(), project.overdue(), project.delayedSince());
    }
}
