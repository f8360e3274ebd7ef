package org.investflow.tracking.project;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.CaseId;
import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.domain.Money;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.investflow.tracking.events.CapitalInjected;
import org.investflow.tracking.events.TrackingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The investment project of one case, from its executed contract until it lands and operates.
 * Its id is the case id; it is owned by the case's investor and assigned to the case officer who
 * accepted the intention (as the executed contract names them): only that officer records its
 * evidence. Commands return the events they caused; the application service stores them with
 * the project.
 * <p>
 * The project keeps its life cycle ({@link ProjectStatus}) and delegates the rest: evidence (milestones,
 * capital injections, jobs reports) goes to its {@link ProjectEvidence}; which milestones are overdue is the
 * {@link DelayCheck}'s to say; whether it has landed, the {@link LandingRule}'s. A project with a milestone of the landing rule missing past its due day is
 * DELAYED (the scheduled check finds it); evidence clears it.
 */
@Document("projects")
public class Project extends AggregateRoot {

    @Id
    private String caseId;
    private String investorId;
    private String officerId;
    private Commitment commitment;
    private ProjectStatus status;
    private ProjectEvidence evidence = new ProjectEvidence();
    /** What the delay check last found, narrowed by evidence since. */
    private ProjectDelay delay = ProjectDelay.NONE;
    private Instant startedAt;
    private Instant landedAt;
    private Instant operatingSince;

    Project() {
    }

    /** Starts tracking the project of case {@code caseId}, whose contract event {@code contractEventId} was executed. */
    static Start start(CaseId caseId, ProjectParties parties, Commitment commitment, String contractEventId, Instant now) {
        Project project = new Project();
        project.caseId = caseId.value();
        project.investorId = parties.investorId();
        project.officerId = parties.officerId();
        project.commitment = commitment;
        project.status = ProjectStatus.IN_PROGRESS;
        project.startedAt = now;
        project.markHandled(contractEventId);
        return new Start(project, List.of(project.events().started(commitment, now)));
    }

    /**
     * Records an achieved milestone; lands the project in the same step when {@code rule} now holds,
     * or makes a landed project operating when the milestone is the start of operation.
     */
    List<TrackingEvent> record(Achievement achievement, Actor officer, LandingRule rule, Clock clock) {
        requireAssigned(officer);
        requireRecordable(achievement.milestone());
        EvidenceEntry<Achievement> entry = evidence.milestone(achievement, officer.id(), clock, null);
        Instant now = entry.recordedAt();
        List<TrackingEvent> events = new ArrayList<>(List.of(events().recorded(entry, officer)));
        if (achievement.milestone().marksOperation()) {
            moveTo(ProjectStatus.OPERATING, now);
            events.add(events().operating(achievement.achievedOn(), now, officer));
        }
        events.addAll(afterEvidence(rule, officer, now));
        return events;
    }

    /** Corrects a recorded milestone's day; allowed at any status, and the set of achieved milestones (so the status) stays. */
    List<TrackingEvent> correct(Achievement achievement, Correction correction, Actor officer, Clock clock) {
        requireAssigned(officer);
        return List.of(events().recorded(evidence.milestone(achievement, officer.id(), clock, correction), officer));
    }

    /**
     * Records capital injected, in the committed currency only (no exchange rates are kept), at any status. Putting
     * the first tranche in counts as {@link Milestone#CAPITAL_INJECTED} for the landing rule, so it may land the project.
     */
    List<TrackingEvent> inject(Injection injection, Actor officer, LandingRule rule, Clock clock) {
        CapitalInjected injected = addInjection(injection, null, officer, clock);
        List<TrackingEvent> events = new ArrayList<>(List.of(injected));
        events.addAll(afterEvidence(rule, officer, injected.occurredAt()));
        return events;
    }

    /** Corrects a capital injection: the named one stops counting and the realised capital is recomputed. */
    List<TrackingEvent> correct(Injection injection, Correction correction, Actor officer, Clock clock) {
        return List.of(addInjection(injection, correction, officer, clock));
    }

    private CapitalInjected addInjection(Injection injection, Correction correction, Actor officer, Clock clock) {
        requireAssigned(officer);
        commitment.requireCommittedCurrency(injection.amount());
        EvidenceEntry<Injection> entry = evidence.injection(injection, officer.id(), clock, correction);
        return events().injected(entry, realisedCapital(), commitment.exceededBy(realisedCapital()), officer);
    }

    /** Records the jobs created to date, or (with a {@code correction}, else null) corrects an earlier report; any status. */
    List<TrackingEvent> reportJobs(JobsCount count, Correction correction, Actor officer, Clock clock) {
        requireAssigned(officer);
        EvidenceEntry<JobsCount> entry = evidence.jobs(count, officer.id(), clock, correction);
        return List.of(events().jobsReported(entry, evidence.jobsCreated(), officer));
    }

    /**
     * The scheduled delay check: an in-progress project owing milestones of {@code rule} past their due day is
     * DELAYED; a new or changed overdue set is published, an unchanged one is not; owing none (the rule was relaxed)
     * puts a delayed project back on track.
     */
    List<TrackingEvent> checkDelay(LandingRule rule, Clock clock) {
        DelayCheck check = new DelayCheck(rule, commitment);
        Instant now = clock.instant();
        return changeDelay(delay.after(check.overdue(missing(check), LocalDate.now(clock)), now), Actor.SYSTEM, now);
    }

    /** After new evidence: lands the project when the rule now holds, and clears the overdue milestones it provides. */
    private List<TrackingEvent> afterEvidence(LandingRule rule, Actor officer, Instant now) {
        List<TrackingEvent> events = new ArrayList<>();
        if (status == ProjectStatus.IN_PROGRESS && rule.isMetBy(evidence.achievedForLanding(commitment))) {
            moveTo(ProjectStatus.LANDED, now);
            events.add(events().landed(now, officer));
        }
        events.addAll(changeDelay(delay.narrowedTo(missing(new DelayCheck(rule, commitment))), officer, now));
        return events;
    }

    private List<TrackingEvent> changeDelay(ProjectDelay next, Actor actor, Instant now) {
        if (!next.differsFrom(delay)) {
            return List.of();
        }
        delay = next;
        return List.of(events().delay(next.overdue(), commitment.landingDeadline(), now, actor));
    }

    /** The milestones of the rule still owed (none once landed). */
    private List<Milestone> missing(DelayCheck check) {
        return status == ProjectStatus.IN_PROGRESS ? check.missing(evidence.achievedForLanding(commitment)) : List.of();
    }

    private void requireRecordable(Milestone milestone) {
        if (evidence.achieved().contains(milestone)) {
            throw new RuleViolationException(milestone + " is already recorded for project " + caseId);
        }
        guard(milestone.marksOperation() ? ProjectStatus.OPERATING : ProjectStatus.LANDED, "record " + milestone);
    }

    private void moveTo(ProjectStatus next, Instant now) {
        guard(next, "become " + next);
        status = next;
        if (next == ProjectStatus.LANDED) {
            landedAt = now;
        } else {
            operatingSince = now;
        }
    }

    /** The one guard of the life cycle: refuses a move the status does not allow, naming both. */
    private void guard(ProjectStatus next, String move) {
        if (!status.canTransitionTo(next)) {
            throw new IllegalTransitionException("project " + caseId, status, move);
        }
    }

    /** Evidence comes only from the officer the project is assigned to; another knows the case exists, so is told no. */
    private void requireAssigned(Actor officer) {
        if (!isAssignedTo(officer.id())) {
            throw new ForbiddenException("project " + caseId + " is assigned to another officer");
        }
    }

    private ProjectEvents events() {
        return new ProjectEvents(caseId(), investorId);
    }

    /** The sum of the capital injections in effect, in the committed currency; zero before the first. */
    public Money realisedCapital() {
        return evidence.realisedCapital(commitment.currency());
    }

    /** What a reviewer should look at now. */
    public Set<ProjectFlag> flags() {
        return ProjectFlag.of(commitment.exceededBy(realisedCapital()), !overdue().isEmpty());
    }

    /** The milestones the delay check found overdue and still without evidence; empty when not delayed. */
    public List<Milestone> overdue() {
        return delay.overdue();
    }

    /** When the project became delayed; null when it is not. */
    public Instant delayedSince() {
        return delay.since();
    }

    /** The owner may see it; case officers, leaders and admins may too. */
    boolean isOwnedBy(String userId) {
        return investorId.equals(userId);
    }

    /** Whether {@code userId} is the case officer the project is assigned to. */
    boolean isAssignedTo(String userId) {
        return userId.equals(officerId);
    }

    public CaseId caseId() {
        return CaseId.of(caseId);
    }

    public String investorId() {
        return investorId;
    }

    /** The case officer the project is assigned to; only they record its evidence. */
    public String officerId() {
        return officerId;
    }

    public Commitment commitment() {
        return commitment;
    }

    public ProjectStatus status() {
        return status;
    }

    /** Its milestones, capital injections and jobs reports, corrections included, and the figures they give. */
    public ProjectEvidence evidence() {
        return evidence;
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

    /** A new project and the events of its start. */
    record Start(Project project, List<TrackingEvent> events) {
    }
}
