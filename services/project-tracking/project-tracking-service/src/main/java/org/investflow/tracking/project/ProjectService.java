package org.investflow.tracking.project;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import org.investflow.platform.domain.CaseId;
import org.investflow.platform.domain.Money;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.messaging.AggregateStore;
import org.investflow.platform.messaging.AggregateStores;
import org.investflow.platform.messaging.EventMetadata;
import org.investflow.signing.events.ContractExecuted;
import org.investflow.tracking.calendar.CommissionCalendar;
import org.investflow.tracking.events.TrackingEvent;
import org.investflow.tracking.events.TrackingEvents;
import org.investflow.tracking.project.persistence.ProjectRepository;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Project tracking's use cases. Each command loads the project, lets it decide, and saves it
 * together with the events it caused (outbox), in one document write.
 */
@Service
public class ProjectService {

    private final ProjectRepository projects;
    private final AggregateStore<Project> store;
    private final LandingRule landingRule;
    /** The service clock in the commission's zone: commands compare dates with the commission's today. */
    private final Clock clock;

    public ProjectService(ProjectRepository projects, AggregateStores stores, LandingRule landingRule, CommissionCalendar calendar) {
        this.projects = projects;
        this.store = stores.of(Project.class, TrackingEvents.CATALOG);
        this.landingRule = landingRule;
        this.clock = calendar.clock();
    }

    /** Starts the project of a contract e-signature executed, once: a project that already exists is left alone. */
    public Mono<Void> start(ContractExecuted contract, EventMetadata event) {
        return store.createOnce(contract.caseId(), () -> creation(event.id(), contract)).then();
    }

    private AggregateStore.Creation<Project> creation(String eventId, ContractExecuted contract) {
        Commitment commitment = new Commitment(Money.of(contract.investmentAmount(), contract.currency()), contract.jobs(),
                contract.landingDeadline(), tranchesOf(contract), deadlinesOf(contract.milestoneDeadlines()));
        ProjectParties parties = new ProjectParties(contract.investorId(), contract.officerId());
        Project.Start start = Project.start(CaseId.of(contract.caseId()), parties, commitment, eventId, clock.instant());
        return new AggregateStore.Creation<>(start.project(), start.events());
    }

    /** The contract's capital schedule; empty when none was agreed or the event predates it. */
    private static List<CapitalTranche> tranchesOf(ContractExecuted contract) {
        return contract.tranches() == null ? List.of()
                : contract.tranches().stream().map(tranche -> new CapitalTranche(tranche.amount(), tranche.dueBy())).toList();
    }

    private static MilestoneDeadlines deadlinesOf(org.investflow.signing.events.MilestoneDeadlines agreed) {
        return agreed == null ? null : new MilestoneDeadlines(agreed.businessRegistration(), agreed.landRights(),
                agreed.constructionStart(), agreed.firstCapitalInjection(), agreed.operationStart());
    }

    /** Records a milestone of the project; only the officer it is assigned to may, anyone else is refused. */
    public Mono<Project> record(String caseId, Achievement achievement, Actor officer) {
        return change(caseId, project -> project.record(achievement, officer, landingRule, clock));
    }

    /** Records capital injected into the project; only the officer it is assigned to may, anyone else is refused. */
    public Mono<Project> inject(String caseId, Injection injection, Actor officer) {
        return change(caseId, project -> project.inject(injection, officer, landingRule, clock));
    }

    /** Corrects a recorded milestone with a new entry superseding the named one; only the assigned officer may. */
    public Mono<Project> correct(String caseId, Achievement achievement, Correction correction, Actor officer) {
        return change(caseId, project -> project.correct(achievement, correction, officer, clock));
    }

    /** Corrects a capital injection with a new entry superseding the named one; only the assigned officer may. */
    public Mono<Project> correct(String caseId, Injection injection, Correction correction, Actor officer) {
        return change(caseId, project -> project.correct(injection, correction, officer, clock));
    }

    /** Records (or, with a {@code correction}, else null, corrects) the jobs created to date; only the assigned officer may. */
    public Mono<Project> reportJobs(String caseId, JobsCount count, Correction correction, Actor officer) {
        return change(caseId, project -> project.reportJobs(count, correction, officer, clock));
    }

    /**
     * The delay check of one project (the scheduled {@code DelayWatch} calls it): emits whether the
     * project's overdue milestones changed (and {@code ProjectDelayed} was stored for publication).
     */
    public Mono<Boolean> checkDelay(String caseId) {
        return store.changeIfCaused(caseId, project -> project.checkDelay(landingRule, clock));
    }

    /** Projects with overdue milestones, delayed longest first, at most {@code limit}. */
    public Flux<Project> delayed(int limit) {
        return projects.findDelayed(Limit.of(limit));
    }

    /** How many projects are delayed now. */
    public Mono<Long> countDelayed() {
        return projects.countDelayed();
    }

    /** The project as {@code viewer} may see it: investors only their own, staff every one. */
    public Mono<Project> view(String caseId, Actor viewer) {
        return projects.findById(caseId)
                .filter(project -> viewer.maySee(project::isOwnedBy))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("project", caseId)));
    }

    private Mono<Project> change(String caseId, Function<Project, List<TrackingEvent>> command) {
        return store.change(caseId, command);
    }
}
