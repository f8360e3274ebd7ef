package org.investflow.tracking.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.investflow.platform.domain.CaseId;
import org.investflow.platform.domain.Money;
import org.investflow.platform.events.Actor;
import org.investflow.tracking.events.CapitalInjected;
import org.investflow.tracking.events.JobsReported;
import org.investflow.tracking.events.MilestoneRecorded;
import org.investflow.tracking.events.ProjectBackOnTrack;
import org.investflow.tracking.events.ProjectDelayed;
import org.investflow.tracking.events.ProjectLanded;
import org.investflow.tracking.events.ProjectOperating;
import org.investflow.tracking.events.ProjectStarted;
import org.investflow.tracking.events.TrackingEvent;

/** The events of one project, in their published shape: plain strings and amounts where the domain has value types. */
record ProjectEvents(CaseId caseId, String investorId) {

    ProjectStarted started(Commitment commitment, Instant now) {
        return new ProjectStarted(caseId.value(), investorId, commitment.capital().amount(), commitment.currency(),
                commitment.jobs(), commitment.landingDeadline(), now, Actor.SYSTEM);
    }

    MilestoneRecorded recorded(EvidenceEntry<Achievement> entry, Actor officer) {
        Achievement achievement = entry.fact();
        return new MilestoneRecorded(caseId.value(), investorId, achievement.milestone().name(), achievement.achievedOn(),
                entry.recordedAt(), officer, entry.entryId(), entry.supersedes(), entry.reason());
    }

    CapitalInjected injected(EvidenceEntry<Injection> entry, Money realised, boolean exceeded, Actor officer) {
        Injection injection = entry.fact();
        return new CapitalInjected(caseId.value(), investorId, injection.amount().amount(), injection.amount().currency(),
                injection.injectedOn(), realised.amount(), exceeded, entry.recordedAt(), officer, entry.entryId(),
                entry.supersedes(), entry.reason());
    }

    JobsReported jobsReported(EvidenceEntry<JobsCount> entry, int jobsToDate, Actor officer) {
        return new JobsReported(caseId.value(), investorId, entry.fact().jobsCreated(), entry.fact().asOf(), jobsToDate,
                entry.entryId(), entry.supersedes(), entry.reason(), entry.recordedAt(), officer);
    }

    ProjectLanded landed(Instant now, Actor officer) {
        return new ProjectLanded(caseId.value(), investorId, now, officer);
    }

    ProjectOperating operating(LocalDate since, Instant now, Actor officer) {
        return new ProjectOperating(caseId.value(), investorId, since, now, officer);
    }

    /** {@code ProjectDelayed} naming {@code overdue}, or {@code ProjectBackOnTrack} when none is left. */
    TrackingEvent delay(List<Milestone> overdue, LocalDate deadline, Instant now, Actor actor) {
        return overdue.isEmpty() ? new ProjectBackOnTrack(caseId.value(), investorId, now, actor)
                : new ProjectDelayed(caseId.value(), investorId, overdue.stream().map(Milestone::name).toList(), deadline,
                now, actor);
    }
}
