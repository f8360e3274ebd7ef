package org.investflow.tracking.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.domain.InvalidInputException;
import org.investflow.platform.domain.RuleViolationException;
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
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The investment project of one case, from its executed contract until it lands and operates.
 * Its id is the case id; it is owned by the case's investor and assigned to the case officer who
 * accepted the intention (as the executed contract names them): only that officer records its
 * milestones. Commands return the events they caused; the application service stores them with
 * the project.
 * <p>
 * Evidence (milestones, capital injections, jobs reports) is an append-only record: every entry has an
 * id ({@code E1}, {@code E2}…, one sequence per project), and a correction is a new entry naming the one
 * it supersedes, which stays in the record marked superseded. Figures (realised capital, jobs created,
 * the landing rule) read the entries in effect. A project with a milestone of the landing rule missing past
 * its due day (its own contract deadline, else the landing deadline) is DELAYED (the scheduled check finds
 * it); evidence clears it.
 */
@Document("projects")
public class Project extends AggregateRoot {

    @Id
    private String caseId;
    private String investorId;
    private String officerId;
    private Commitment commitment;
    private ProjectStatus status;
    private List<RecordedMilestone> milestones = new ArrayList<>();
    private List<CapitalInjection> injections = new ArrayList<>();
    private List<JobsReport> jobReports = new ArrayList<>();
    /** What the delay check last found, narrowed by evidence since. */
    private ProjectDelay delay = ProjectDelay.NONE;
    private Instant startedAt;
    private Instant landedAt;
    private Instant operatingSince;

    Project() {
    }

    /** Starts tracking the project of case {@code caseId}, whose contract event {@code contractEventId} was executed. */
    static Start start(String caseId, Parties parties, Commitment commitment, String contractEventId, Instant now) {
        Project project = new Project();
        project.caseId = caseId;
        project.investorId = parties.investorId();
        project.officerId = parties.officerId();
        project.commitment = commitment;
        project.status = ProjectStatus.IN_PROGRESS;
        project.startedAt = now;
        project.markHandled(contractEventId);
        return new Start(project, List.of(new ProjectStarted(caseId, project.investorId, commitment.amount(),
                commitment.currency(), commitment.jobs(), commitment.landingDeadline(), now, Actor.SYSTEM)));
    }

    /**
     * Records an achieved milestone; lands the project in the same step when {@code rule} now holds,
     * or makes a landed project operating when the milestone is the start of operation. Only the
     * officer the project is assigned to may; another officer knows the case exists, so is told no.
     */
    List<TrackingEvent> record(Achievement achievement, Actor officer, LandingRule rule, Clock clock) {
        Instant now = clock.instant();
        requireAssigned(officer);
        refuse(achievement, LocalDate.now(clock));
        String entryId = nextEntryId();
        milestones.add(new RecordedMilestone(achievement.milestone(), achievement.achievedOn(), officer.id(), now, entryId,
                null, null, null));
        List<TrackingEvent> events = new ArrayList<>();
        events.add(new MilestoneRecorded(caseId, investorId, achievement.milestone().name(), achievement.achievedOn(), now, officer,
                entryId, null, null));
        if (achievement.milestone().marksOperation()) {
            events.add(becomeOperating(achievement.achievedOn(), officer, now));
        } else if (rule.isMetBy(achievedForLanding())) {
            events.add(land(officer, now));
        }
        events.addAll(reviewDelay(rule, officer, now));
        return events;
    }

    /**
     * Corrects a recorded milestone: the new entry, for the same milestone with the corrected day,
     * supersedes the named one. Allowed at any status (the record may be wrong after landing too); the
     * set of achieved milestones does not change, so neither does the status.
     */
    List<TrackingEvent> correct(Achievement achievement, Correction correction, Actor officer, Clock clock) {
        Instant now = clock.instant();
        requireAssigned(officer);
        requireNotFuture(achievement.achievedOn(), LocalDate.now(clock), "a milestone cannot be achieved");
        String entryId = nextEntryId();
        EvidenceRecord.supersede(milestones, correction, entryId, entry -> entry.milestone() == achievement.milestone(),
                RecordedMilestone::supersededBy);
        milestones.add(new RecordedMilestone(achievement.milestone(), achievement.achievedOn(), officer.id(), now, entryId,
                correction.supersedes(), correction.reason(), null));
        return List.of(new MilestoneRecorded(caseId, investorId, achievement.milestone().name(), achievement.achievedOn(), now,
                officer, entryId, correction.supersedes(), correction.reason()));
    }

    /**
     * Records capital injected into the project, in the committed currency only (no exchange rates are
     * kept). Injections accumulate at any status; more realised than committed is accepted but flagged
     * {@link ProjectFlag#CAPITAL_EXCEEDED}. The first injection counts as {@link Milestone#CAPITAL_INJECTED}
     * for the landing rule (the milestone itself is not recorded, so the milestone API is unchanged), and
     * lands an in-progress project whose rule then holds, in the same step.
     */
    List<TrackingEvent> inject(Injection injection, Actor officer, LandingRule rule, Clock clock) {
        Instant now = clock.instant();
        List<TrackingEvent> events = new ArrayList<>(List.of(addInjection(injection, null, officer, clock)));
        if (status == ProjectStatus.IN_PROGRESS && rule.isMetBy(achievedForLanding())) {
            events.add(land(officer, now));
        }
        events.addAll(reviewDelay(rule, officer, now));
        return events;
    }

    /**
     * Corrects a capital injection: the named injection stops counting and the new one counts instead,
     * so the realised capital is recomputed (and the {@link ProjectFlag#CAPITAL_EXCEEDED} flag with it).
     */
    List<TrackingEvent> correct(Injection injection, Correction correction, Actor officer, Clock clock) {
        return List.of(addInjection(injection, correction, officer, clock));
    }

    /** Adds an injection entry, superseding the one {@code correction} names (when not null), and returns its event. */
    private CapitalInjected addInjection(Injection injection, Correction correction, Actor officer, Clock clock) {
        Instant now = clock.instant();
        requireAssigned(officer);
        requireNotFuture(injection.injectedOn(), LocalDate.now(clock), "capital cannot be injected");
        requireCommittedCurrency(injection);
        String entryId = nextEntryId();
        if (correction != null) {
            EvidenceRecord.supersede(injections, correction, entryId, entry -> true, CapitalInjection::supersededBy);
        }
        injections.add(new CapitalInjection(injection.amount(), injection.currency(), injection.injectedOn(), officer.id(), now,
                entryId, Correction.supersedesOf(correction), Correction.reasonOf(correction), null));
        return new CapitalInjected(caseId, investorId, injection.amount(), injection.currency(), injection.injectedOn(),
                realisedCapital(), flags().contains(ProjectFlag.CAPITAL_EXCEEDED), now, officer, entryId,
                Correction.supersedesOf(correction), Correction.reasonOf(correction));
    }

    /**
     * Records the jobs the project created to date, or (with a {@code correction}, else null) corrects an
     * earlier jobs report. Accepted at any status.
     */
    List<TrackingEvent> reportJobs(JobsCount count, Correction correction, Actor officer, Clock clock) {
        Instant now = clock.instant();
        requireAssigned(officer);
        requireNotFuture(count.asOf(), LocalDate.now(clock), "jobs cannot be counted");
        String entryId = nextEntryId();
        if (correction != null) {
            EvidenceRecord.supersede(jobReports, correction, entryId, entry -> true, JobsReport::supersededBy);
        }
        String supersedes = Correction.supersedesOf(correction);
        String reason = Correction.reasonOf(correction);
        jobReports.add(new JobsReport(count.jobsCreated(), count.asOf(), officer.id(), now, entryId, supersedes, reason, null));
        return List.of(new JobsReported(caseId, investorId, count.jobsCreated(), count.asOf(), jobsCreated(), entryId, supersedes,
                reason, now, officer));
    }

    /**
     * The scheduled delay check: every milestone of {@code rule} still without evidence whose due day
     * ({@link Commitment#dueBy}: its own contract deadline, else the landing deadline) has passed in the
     * commission's zone makes an in-progress project DELAYED. Publishes
     * {@link ProjectDelayed} when the overdue set is new or changed; nothing when it is unchanged. A delayed
     * project that owes nothing under the rule as now configured (the rule was relaxed) is back on track.
     */
    List<TrackingEvent> checkDelay(LandingRule rule, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        List<Milestone> overdue = missing(rule).stream().filter(milestone -> today.isAfter(commitment.dueBy(milestone))).toList();
        return changeDelay(delay().after(overdue, now), Actor.SYSTEM, now);
    }

    /** After new evidence: the overdue milestones it provides are no longer overdue; none left is back on track. */
    private List<TrackingEvent> reviewDelay(LandingRule rule, Actor officer, Instant now) {
        return changeDelay(delay().narrowedTo(missing(rule)), officer, now);
    }

    /** Takes {@code next} when its overdue milestones differ, publishing the delay or the way back on track. */
    private List<TrackingEvent> changeDelay(ProjectDelay next, Actor actor, Instant now) {
        if (next.overdue().equals(delay().overdue())) {
            return List.of();
        }
        delay = next;
        return List.of(next.overdue().isEmpty() ? new ProjectBackOnTrack(caseId, investorId, now, actor) : delayed(actor, now));
    }

    private ProjectDelayed delayed(Actor actor, Instant now) {
        return new ProjectDelayed(caseId, investorId, overdue().stream().map(Milestone::name).toList(),
                commitment.landingDeadline(), now, actor);
    }

    /** The milestones of {@code rule} without evidence, in the commission's order (none once landed). */
    private List<Milestone> missing(LandingRule rule) {
        Set<Milestone> achieved = achievedForLanding();
        return status != ProjectStatus.IN_PROGRESS ? List.of()
                : rule.requires().stream().filter(milestone -> !achieved.contains(milestone)).sorted().toList();
    }

    private void requireNotFuture(LocalDate day, LocalDate today, String what) {
        if (day.isAfter(today)) {
            throw new RuleViolationException(what + " after today (" + today + ")");
        }
    }

    private void requireCommittedCurrency(Injection injection) {
        if (!injection.currency().equals(commitment.currency())) {
            throw new InvalidInputException(Map.of("currency", injection.currency() + " is not the committed currency "
                    + commitment.currency() + "; no exchange rates are kept, so capital is recorded in "
                    + commitment.currency() + " only"));
        }
    }

    /** The next id of the evidence record: one sequence over milestones, injections and jobs reports. */
    private String nextEntryId() {
        return "E" + (milestones.size() + injections().size() + jobReports().size() + 1);
    }

    /**
     * The recorded milestones, plus {@link Milestone#CAPITAL_INJECTED} once the first capital tranche is in: the
     * realised capital reached the amount of the tranche due first when the contract scheduled tranches, any
     * injection in effect when it did not.
     */
    private Set<Milestone> achievedForLanding() {
        Set<Milestone> achieved = EnumSet.noneOf(Milestone.class);
        achieved.addAll(achieved());
        if (firstTrancheInjected()) {
            achieved.add(Milestone.CAPITAL_INJECTED);
        }
        return achieved;
    }

    private boolean firstTrancheInjected() {
        CapitalTranche first = commitment.firstTranche();
        return first == null ? !EvidenceRecord.inEffect(injections()).isEmpty()
                : realisedCapital().compareTo(first.amount()) >= 0;
    }

    /** The sum of the injections in effect, in the committed currency; zero before the first. */
    public BigDecimal realisedCapital() {
        return EvidenceRecord.inEffect(injections()).stream().map(CapitalInjection::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Jobs created to date: the latest report in effect (by the day it counts to, then when recorded); zero before any. */
    public int jobsCreated() {
        return EvidenceRecord.inEffect(jobReports()).stream()
                .max(Comparator.comparing(JobsReport::asOf).thenComparing(JobsReport::recordedAt))
                .map(JobsReport::jobsCreated).orElse(0);
    }

    /** The jobs reports recorded so far, corrections and superseded ones included, oldest first. */
    public List<JobsReport> jobReports() {
        return List.copyOf(jobReports);
    }

    /** The milestones the delay check found overdue and still without evidence; empty when not delayed. */
    public List<Milestone> overdue() {
        return delay().overdue();
    }

    private ProjectDelay delay() {
        return delay == null ? ProjectDelay.NONE : delay;
    }

    /** When the project became delayed; null when it is not. */
    public Instant delayedSince() {
        return delay().since();
    }

    /** What a reviewer should look at now. */
    public Set<ProjectFlag> flags() {
        Set<ProjectFlag> flags = EnumSet.noneOf(ProjectFlag.class);
        if (realisedCapital().compareTo(commitment.amount()) > 0) {
            flags.add(ProjectFlag.CAPITAL_EXCEEDED);
        }
        if (!overdue().isEmpty()) {
            flags.add(ProjectFlag.DELAYED);
        }
        return flags;
    }

    /** The capital injections recorded so far, corrections and superseded ones included, oldest first. */
    public List<CapitalInjection> injections() {
        return List.copyOf(injections);
    }

    private void requireAssigned(Actor officer) {
        if (!isAssignedTo(officer.id())) {
            throw new ForbiddenException("project " + caseId + " is assigned to another officer");
        }
    }

    private void refuse(Achievement achievement, LocalDate today) {
        if (achievement.achievedOn().isAfter(today)) {
            throw new RuleViolationException("a milestone cannot be achieved after today (" + today + ")");
        }
        if (achieved().contains(achievement.milestone())) {
            throw new RuleViolationException(achievement.milestone() + " is already recorded for project " + caseId);
        }
        if (achievement.milestone().marksOperation()) {
            guard(ProjectStatus.OPERATING);
        } else if (status != ProjectStatus.IN_PROGRESS) {
            throw new IllegalTransitionException("project " + caseId, status, "record " + achievement.milestone());
        }
    }

    private TrackingEvent land(Actor officer, Instant now) {
        guard(ProjectStatus.LANDED);
        status = ProjectStatus.LANDED;
        landedAt = now;
        return new ProjectLanded(caseId, investorId, now, officer);
    }

    private TrackingEvent becomeOperating(LocalDate since, Actor officer, Instant now) {
        status = ProjectStatus.OPERATING;
        operatingSince = now;
        return new ProjectOperating(caseId, investorId, since, now, officer);
    }

    private void guard(ProjectStatus target) {
        if (!status.canTransitionTo(target)) {
            throw new IllegalTransitionException("project " + caseId, status, "become " + target);
        }
    }

    /** The milestones recorded so far (in effect; a correction keeps its milestone, so each appears once). */
    public List<Milestone> achieved() {
        return EvidenceRecord.inEffect(milestones).stream().map(RecordedMilestone::milestone).toList();
    }

    /** The owner may see it; case officers, leaders and admins may too. */
    boolean isOwnedBy(String userId) {
        return investorId.equals(userId);
    }

    /** Whether {@code userId} is the case officer the project is assigned to. */
    boolean isAssignedTo(String userId) {
        return userId.equals(officerId);
    }

    public String caseId() {
        return caseId;
    }

    public String investorId() {
        return investorId;
    }

    /** The case officer the project is assigned to; only they record its milestones. */
    public String officerId() {
        return officerId;
    }

    public Commitment commitment() {
        return commitment;
    }

    public ProjectStatus status() {
        return status;
    }

    /** Every milestone entry, corrections and superseded ones included, oldest first. */
    public List<RecordedMilestone> milestones() {
        return List.copyOf(milestones);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant landedAt() {
        return landedAt;
    }

    public Instant operatingSince() {
        return operatingSince;
    }

    /**
     * Who the project belongs to: the investor who owns the case and the case officer it is
     * assigned to.
     */
    record Parties(String investorId, String officerId) {

        Parties {
            Objects.requireNonNull(investorId, "investorId");
            Objects.requireNonNull(officerId, "officerId");
        }
    }

    /** A new project and the events of its start. */
    record Start(Project project, List<TrackingEvent> events) {
    }
}
