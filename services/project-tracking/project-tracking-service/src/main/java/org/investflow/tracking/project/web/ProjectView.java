package org.investflow.tracking.project.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.investflow.tracking.project.Achievement;
import org.investflow.tracking.project.CapitalTranche;
import org.investflow.tracking.project.Commitment;
import org.investflow.tracking.project.EvidenceEntry;
import org.investflow.tracking.project.Injection;
import org.investflow.tracking.project.JobsCount;
import org.investflow.tracking.project.Milestone;
import org.investflow.tracking.project.MilestoneDeadlines;
import org.investflow.tracking.project.Project;
import org.investflow.tracking.project.ProjectEvidence;
import org.investflow.tracking.project.ProjectFlag;
import org.investflow.tracking.project.ProjectStatus;

/**
 * A project as the API shows it: amounts as a number beside their currency, evidence entries flat.
 *
 * @param officerId the case officer the project is assigned to: the only one who may record its milestones
 * @param capital   the capital realised so far in the committed currency, and the injections it sums
 * @param flags     what a reviewer should look at ({@code CAPITAL_EXCEEDED}, {@code DELAYED})
 * @param jobs      jobs created to date (the latest report in effect) and every report, corrections included
 * @param overdue   the milestones overdue while the project is {@code DELAYED}; empty otherwise
 */
public record ProjectView(String caseId, String investorId, String officerId, ProjectStatus status,
                          CommitmentView commitment, List<MilestoneEntry> milestones, Instant startedAt,
                          Instant landedAt, Instant operatingSince, Capital capital, Set<ProjectFlag> flags, Jobs jobs,
                          List<Milestone> overdue) {

    static ProjectView of(Project project) {
        ProjectEvidence evidence = project.evidence();
        return new ProjectView(project.caseId().value(), project.investorId(), project.officerId(), project.status(),
                CommitmentView.of(project.commitment()), evidence.milestones().stream().map(MilestoneEntry::of).toList(),
                project.startedAt(), project.landedAt(), project.operatingSince(),
                new Capital(project.realisedCapital().amount(), project.commitment().currency(),
                        evidence.injections().stream().map(InjectionEntry::of).toList()),
                project.flags(), new Jobs(evidence.jobsCreated(), project.commitment().jobs(),
                        evidence.jobReports().stream().map(JobsEntry::of).toList()),
                project.overdue());
    }

    /** What the investor committed to. */
    public record CommitmentView(BigDecimal amount, String currency, int jobs, LocalDate landingDeadline,
                                 List<CapitalTranche> tranches, MilestoneDeadlines deadlines) {

        static CommitmentView of(Commitment commitment) {
            return new CommitmentView(commitment.capital().amount(), commitment.currency(), commitment.jobs(),
                    commitment.landingDeadline(), commitment.tranches(), commitment.deadlines());
        }
    }

    /** A milestone entry of the evidence record. */
    public record MilestoneEntry(Milestone milestone, LocalDate achievedOn, String recordedBy, Instant recordedAt,
                                 String entryId, String supersedes, String reason, String supersededBy) {

        static MilestoneEntry of(EvidenceEntry<Achievement> entry) {
            return new MilestoneEntry(entry.fact().milestone(), entry.fact().achievedOn(), entry.recordedBy(), entry.recordedAt(),
                    entry.entryId(), entry.supersedes(), entry.reason(), entry.supersededBy());
        }
    }

    /** A capital injection entry of the evidence record. */
    public record InjectionEntry(BigDecimal amount, String currency, LocalDate injectedOn, String recordedBy, Instant recordedAt,
                                 String entryId, String supersedes, String reason, String supersededBy) {

        static InjectionEntry of(EvidenceEntry<Injection> entry) {
            Injection injection = entry.fact();
            return new InjectionEntry(injection.amount().amount(), injection.amount().currency(), injection.injectedOn(),
                    entry.recordedBy(), entry.recordedAt(), entry.entryId(), entry.supersedes(), entry.reason(),
                    entry.supersededBy());
        }
    }

    /** A jobs report entry of the evidence record. */
    public record JobsEntry(int jobsCreated, LocalDate asOf, String recordedBy, Instant recordedAt, String entryId,
                            String supersedes, String reason, String supersededBy) {

        static JobsEntry of(EvidenceEntry<JobsCount> entry) {
            return new JobsEntry(entry.fact().jobsCreated(), entry.fact().asOf(), entry.recordedBy(), entry.recordedAt(),
                    entry.entryId(), entry.supersedes(), entry.reason(), entry.supersededBy());
        }
    }

    /** Jobs created to date against the jobs committed, and the reports behind the figure. */
    public record Jobs(int created, int committed, List<JobsEntry> reports) {
    }

    /** Realised capital: the sum of {@code injections}, in {@code currency} (the committed one). */
    public record Capital(BigDecimal realised, String currency, List<InjectionEntry> injections) {
    }
}
