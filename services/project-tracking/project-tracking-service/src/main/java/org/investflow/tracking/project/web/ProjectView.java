package org.investflow.tracking.project.web;

import java.time.Instant;
import java.util.List;

import org.investflow.tracking.project.Commitment;
import org.investflow.tracking.project.Project;
import org.investflow.tracking.project.ProjectStatus;
import org.investflow.tracking.project.RecordedMilestone;

/**
 * A project as the API shows it.
 *
 * @param officerId the case officer the project is assigned to: the only one who may record its milestones
 */
public record ProjectView(String caseId, String investorId, String officerId, ProjectStatus status,
                          Commitment commitment, List<RecordedMilestone> milestones, Instant startedAt,
                          Instant landedAt, Instant operatingSince) {

    static ProjectView of(Project project) {
        return new ProjectView(project.caseId(), project.investorId(), project.officerId(), project.status(),
                project.commitment(), project.milestones(), project.startedAt(), project.landedAt(),
                project.operatingSince());
    }
}
