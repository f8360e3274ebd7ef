package org.investflow.tracking.project;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.investflow.tracking.events.MilestoneRecorded;
import org.investflow.tracking.events.ProjectLanded;
import org.investflow.tracking.events.ProjectStarted;
import org.investflow.tracking.events.TrackingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The investment project of one case, from its executed contract until it lands and operates.
 * Its id is the case id; it is owned by the case's investor. Commands return the events they
 * caused; the application service stores them with the project.
 */
@Document("projects")
public class Project extends AggregateRoot {

    @Id
    private String caseId;
    private String investorId;
    private Commitment commitment;
    private ProjectStatus status;
    private List<RecordedMilestone> milestones = new ArrayList<>();
    private Instant startedAt;
    private Instant landedAt;
    private Instant operatingSince;

    Project() {
    }

    /** Starts tracking the project of case {@code caseId}, whose contract event {@code contractEventId} was executed. */
    static Start start(String caseId, String investorId, Commitment commitment, String contractEventId, Instant now) {
        Project project = new Project();
        project.caseId = caseId;
        project.investorId = investorId;
        project.commitment = commitment;
        project.status = ProjectStatus.IN_PROGRESS;
        project.startedAt = now;
        project.markHandled(contractEventId);
        return new Start(project, List.of(new ProjectStarted(caseId, investorId, commitment.amount(),
                commitment.currency(), commitment.jobs(), commitment.landingDeadline(), now, Actor.SYSTEM)));
    }

    /**
     * Records an achieved milestone; lands the project in the same step when {@code rule} now holds,
     * or makes a landed project operating when the milestone is the start of operation.
     */
    List<TrackingEvent> record(Achievement achievement, Actor officer, LandingRule rule, Clock clock) {
        Instant now = clock.instant();
        refuse(achievement, LocalDate.now(clock));
        milestones.add(new RecordedMilestone(achievement.milestone(), achievement.achievedOn(), officer.id(), now));
        List<TrackingEvent> events = new ArrayList<>();
        events.add(new MilestoneRecorded(caseId, investorId, achievement.milestone().name(), achievement.achievedOn(), now, officer));
        if (achievement.milestone().marksOperation()) {
            becomeOperating(now);
        } else if (rule.isMetBy(achieved())) {
            events.add(land(officer, now));
        }
        return events;
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

    public String caseId() {
        return caseId;
    }

    public String investorId() {
        return investorId;
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

    /** A new project and the events of its start. */
    record Start(Project project, List<TrackingEvent> events) {
    }
}
