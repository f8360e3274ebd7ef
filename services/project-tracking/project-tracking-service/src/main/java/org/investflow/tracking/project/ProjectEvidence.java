package org.investflow.tracking.project;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.investflow.platform.domain.Money;
import org.investflow.platform.domain.RuleViolationException;

/**
 * A project's evidence record: its milestones, capital injections and jobs reports, each kind an append-only
 * {@link EvidenceLedger}, with one entry sequence over all three ({@code E1}, {@code E2}…) so an entry id names
 * one entry of the project. Nothing is dated after today. Its figures read the entries in effect.
 */
public class ProjectEvidence {

    private EvidenceLedger<Achievement> milestones = new EvidenceLedger<>();
    private EvidenceLedger<Injection> injections = new EvidenceLedger<>();
    private EvidenceLedger<JobsCount> jobReports = new EvidenceLedger<>();

    /** Records a milestone achieved, or (with a {@code correction}, else null) the corrected day of a recorded one. */
    EvidenceEntry<Achievement> milestone(Achievement achievement, String officerId, Clock clock, Correction correction) {
        EvidenceEntry.Stamp stamp = stamp(achievement.achievedOn(), "a milestone cannot be achieved", officerId, clock);
        return correction == null ? milestones.append(achievement, stamp, null)
                : milestones.correct(achievement, stamp, correction, Achievement::sameMilestoneAs);
    }

    /** Records capital injected, or (with a {@code correction}, else null) corrects an earlier injection. */
    EvidenceEntry<Injection> injection(Injection injection, String officerId, Clock clock, Correction correction) {
        return injections.append(injection, stamp(injection.injectedOn(), "capital cannot be injected", officerId, clock),
                correction);
    }

    /** Records the jobs created to date, or (with a {@code correction}, else null) corrects an earlier report. */
    EvidenceEntry<JobsCount> jobs(JobsCount count, String officerId, Clock clock, Correction correction) {
        return jobReports.append(count, stamp(count.asOf(), "jobs cannot be counted", officerId, clock), correction);
    }

    /** The next entry's id and who records it when; evidence dated after today (in the clock's zone) is refused. */
    private EvidenceEntry.Stamp stamp(LocalDate day, String what, String officerId, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (day.isAfter(today)) {
            throw new RuleViolationException(what + " after today (" + today + ")");
        }
        String entryId = "E" + (milestones.size() + injections.size() + jobReports.size() + 1);
        return new EvidenceEntry.Stamp(entryId, officerId, clock.instant());
    }

    /** The milestones recorded (in effect; a correction keeps its milestone, so each appears once). */
    public List<Milestone> achieved() {
        return milestones.factsInEffect().stream().map(Achievement::milestone).toList();
    }

    /**
     * The milestones recorded, plus {@link Milestone#CAPITAL_INJECTED} once the first capital tranche of
     * {@code commitment} is in (the milestone itself need not be recorded): what the landing rule reads.
     */
    Set<Milestone> achievedForLanding(Commitment commitment) {
        Set<Milestone> achieved = EnumSet.noneOf(Milestone.class);
        achieved.addAll(achieved());
        if (commitment.firstTrancheIn(realisedCapital(commitment.currency()))) {
            achieved.add(Milestone.CAPITAL_INJECTED);
        }
        return achieved;
    }

    /** The sum of the injections in effect; zero in {@code currency} before the first. */
    public Money realisedCapital(String currency) {
        return injections.factsInEffect().stream().map(Injection::amount).reduce(Money.zero(currency), Money::plus);
    }

    /** Jobs created to date: the latest report in effect (by the day it counts to, then when recorded); zero before any. */
    public int jobsCreated() {
        return jobReports.inEffect().stream()
                .max(Comparator.comparing((EvidenceEntry<JobsCount> entry) -> entry.fact().asOf())
                        .thenComparing(EvidenceEntry::recordedAt))
                .map(entry -> entry.fact().jobsCreated()).orElse(0);
    }

    /** Every milestone entry, corrections and superseded ones included, oldest first. */
    public List<EvidenceEntry<Achievement>> milestones() {
        return milestones.entries();
    }

    /** Every capital injection entry, corrections and superseded ones included, oldest first. */
    public List<EvidenceEntry<Injection>> injections() {
        return injections.entries();
    }

    /** Every jobs report entry, corrections and superseded ones included, oldest first. */
    public List<EvidenceEntry<JobsCount>> jobReports() {
        return jobReports.entries();
    }
}
