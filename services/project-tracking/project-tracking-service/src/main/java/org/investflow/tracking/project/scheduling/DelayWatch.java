package org.investflow.tracking.project.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.investflow.platform.scheduling.PeriodicTask;
import org.investflow.platform.scheduling.SchedulerLease;
import org.investflow.tracking.project.Project;
import org.investflow.tracking.project.ProjectService;
import org.investflow.tracking.project.ProjectStatus;
import org.investflow.tracking.project.persistence.ProjectRepository;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Mono;

/**
 * Every check interval, on one instance at a time (a {@link SchedulerLease}): every in-progress project
 * with a deadline before today (the service clock, the commission's zone: the landing deadline or a
 * milestone's own deadline) is checked, and becomes DELAYED naming the milestones of the landing rule
 * still without evidence past their due day. Clearing is not the
 * watch's job: the evidence that completes the overdue milestones clears the delay in the same step.
 */
public class DelayWatch {

    private static final String LEASE = "tracking-delay-watch";

    private final ProjectRepository projects;
    private final ProjectService service;
    private final SchedulerLease lease;
    private final DelaySettings settings;
    private final Clock clock;

    public DelayWatch(ProjectRepository projects, ProjectService service, SchedulerLease lease, DelaySettings settings,
                      Clock clock) {
        this.projects = projects;
        this.service = service;
        this.lease = lease;
        this.settings = settings;
        this.clock = clock;
    }

    /** One run; emits how many projects became delayed or changed their overdue milestones (empty when another instance holds the lease). */
    public Mono<Long> runOnce() {
        return lease.runExclusively(LEASE, Duration.ofMinutes(1), check());
    }

    private Mono<Long> check() {
        return projects.findWithADeadlineBefore(ProjectStatus.IN_PROGRESS, LocalDate.now(clock))
                .map(project -> project.caseId().value())
                .concatMap(service::checkDelay)
                .filter(Boolean::booleanValue)
                .count();
    }

    /** The watch as a task of the running application: at start, then every check interval. */
    public PeriodicTask schedule() {
        return new PeriodicTask("delay watch", Duration.ZERO, settings.checkInterval(), this::runOnce, SmartLifecycle.DEFAULT_PHASE);
    }
}
