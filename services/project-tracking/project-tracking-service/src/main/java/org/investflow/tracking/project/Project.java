package org.investflow.tracking.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.investflow.tracking.events.MilestoneRecorded;
import org.investflow.tracking.events.ProjectLanded;
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
        milestones.add(new RecordedMilestone(achievement.milestone(), achievement.achievedOn(), officer.id(), now));
        List<TrackingEvent> events = new ArrayList<>();
        events.add(new MilestoneRecorded(caseId, investorId, achievement.milestone().name(), achievement.achievedOn(), now, officer));
        if (achievement.milestone().marksOperation()) {
            becomeOperating(now);
        } else if (rule.isMetBy(achievedForLanding())) {
            events.add(land(officer, now));
        }
        return events;
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
        requireAssigned(officer);
        LocalDate today = LocalDate.now(clock);
        if (injection.injectedOn().isAfter(today)) {
            throw new RuleViolationException("capital cannot be injected after today (" + today + ")");
        }
        if (!injection.currency().equals(commitment.currency())) {
            throw new InvalidInputException(Map.of("currency", injection.currency() + " is not the committed currency "
                    + commitment.currency() + "; no exchange rates are kept, so capital is recorded in "
                    + commitment.currency() + " only"));
        }
        if (injections == null) {
            injections = new ArrayList<>();
        }
        injections.add(new CapitalInjection(injection.amount(), injection.currency(), injection.injectedOn(), officer.id(), now));
        List<TrackingEvent> events = new ArrayList<>();
        events.add(new CapitalInjected(caseId, investorId, injection.amount(), injection.currency(), injection.injectedOn(),
                realisedCapital(), flags().contains(ProjectFlag.CAPITAL_EXCEEDED), now, officer));
        if (status == ProjectStatus.IN_PROGRESS && rule.isMetBy(achievedForLanding())) {
            events.add(land(officer, now));
        }
        return events;
    }

    /** The recorded milestones, plus {@link Milestone#CAPITAL_INJECTED} once any capital was injected. */
    private Set<Milestone> achievedForLanding() {
        Set<Milestone> achieved = EnumSet.noneOf(Milestone.class);
        achieved.addAll(achieved());
        if (!injections().isEmpty()) {
            achieved.add(Milestone.CAPITAL_INJECTED);
        }
        return achieved;
    }

    /** The sum of every injection, in the committed currency; zero before the first. */
    public BigDecimal realisedCapital() {
        return injections().stream().map(CapitalInjection::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What a reviewer should look at now. */
    public Set<ProjectFlag> flags() {
        Set<ProjectFlag> flags = EnumSet.noneOf(ProjectFlag.class);
        if (realisedCapital().compareTo(commitment.amount()) > 0) {
            flags.add(ProjectFlag.CAPITAL_EXCEEDED);
        }
        return flags;
    }

    /** The capital injections recorded so far, oldest first. */
    public List<CapitalInjection> injections() {
        return injections == null ? List.of() : List.copyOf(injections);
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

    private void becomeOperating(Instant now) {
        status = ProjectStatus.OPERATING;
        operatingSince = now;
    }

    private void guard(ProjectStatus target) {
        if (!status.canTransitionTo(target)) {
            throw new IllegalTransitionException("project " + caseId, status, "become " + target);
        }
    }

    /** The milestones recorded so far. */
    public List<Milestone> achieved() {
        return milestones.stream().map(RecordedMilestone::milestone).toList();
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
