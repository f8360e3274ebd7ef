package org.investflow.tracking.project.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.investflow.tracking.project.CapitalInjection;
import org.investflow.tracking.project.Commitment;
import org.investflow.tracking.project.JobsReport;
import org.investflow.tracking.project.Milestone;
import org.investflow.tracking.project.Project;
import org.investflow.tracking.project.ProjectFlag;
import org.investflow.tracking.project.ProjectStatus;
import org.investflow.tracking.project.RecordedMilestone;

/**
 * A project as the API shows it.
 *
 * @param officerId the case officer the project is assigned to: the only one who may record its milestones
 * @param capital   the capital realised so far in the committed currency, and the injections it sums
 * @param flags     what a reviewer should look at ({@code CAPITAL_EXCEEDED}, {@code DELAYED})
 * @param jobs      jobs created to date (the latest report in effect) and every report, corrections included
 * @param overdue   the milestones overdue while the project is {@code DELAYED}; empty otherwise
 */
public record ProjectView(String caseId, String investorId, String officerId, ProjectStatus status,
                          Commitment commitment, List<RecordedMilestone> milestones, Instant startedAt,
                          Instant landedAt, Instant operatingSince, Capital capital, Set<ProjectFlag> flags, Jobs jobs,
                          List<Milestone> overdue) {

    static ProjectView of(Project project) {
        return new ProjectView(project.caseId(), project.investorId(), project.officerId(), project.status(),
                project.commitment(), project.milestones(), project.startedAt(), project.landedAt(),
                project.operatingSince(),
                new Capital(project.realisedCapital(), project.commitment().currency(), project.injections()),
                project.flags(), new Jobs(project.jobsCreated(), project.commitment().jobs(), project.jobReports()),
                project.overdue());
    }

    /** Jobs created to date against the jobs committed, and the reports behind the figure. */
    public record Jobs(int created, int committed, List<JobsReport> reports) {
    }

    /** Realised capital: the sum of {@code injections}, in {@code currency} (the committed one). */
    public record Capital(BigDecimal realised, String currency, List<CapitalInjection> injections) {
    }
}
