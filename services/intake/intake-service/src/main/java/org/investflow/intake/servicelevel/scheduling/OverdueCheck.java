package org.investflow.intake.servicelevel.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.investflow.intake.intention.IntentionService;
import org.investflow.intake.intention.persistence.IntentionQueries;
import org.investflow.intake.servicelevel.ServiceLevelProperties;
import org.investflow.intake.servicelevel.WorkingDays;
import org.investflow.platform.scheduling.PeriodicTask;
import org.investflow.platform.scheduling.SchedulerLease;
import reactor.core.publisher.Mono;

/**
 * Flags open intentions that waited longer than the response target for a first decision, on one
 * instance at a time (a {@link SchedulerLease}), and keeps {@code investflow.intake.overdue} — the
 * number of open overdue cases — up to date.
 */
public class OverdueCheck {

    private static final String LEASE = "intake-overdue-check";

    private final IntentionQueries queries;
    private final IntentionService intentions;
    private final SchedulerLease lease;
    private final ServiceLevelProperties settings;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final AtomicLong overdue = new AtomicLong();

    public OverdueCheck(IntentionQueries queries, IntentionService intentions, SchedulerLease lease,
                        ServiceLevelProperties settings, Clock clock, MeterRegistry meters) {
        this.queries = queries;
        this.intentions = intentions;
        this.lease = lease;
        this.settings = settings;
        this.workingDays = new WorkingDays(settings.zone(), settings.holidays());
        this.clock = clock;
        Gauge.builder("investflow.intake.overdue", overdue, AtomicLong::get)
                .description("open intentions past their first-decision target").register(meters);
    }

    /** One check: flags what became overdue; emits how many it flagged (empty when another instance holds the lease). */
    public Mono<Long> runOnce() {
        return lease.runExclusively(LEASE, Duration.ofMinutes(1), flagOverdue());
    }

    private Mono<Long> flagOverdue() {
        Instant deadline = workingDays.before(clock.instant(), settings.firstDecisionWorkingDays());
        String detail = "No first decision within " + settings.firstDecisionWorkingDays() + " working days of submission.";
        return queries.overdue(deadline)
                .concatMap(intention -> intentions.flagOverdue(intention.caseId().value(), detail))
                .filter(Boolean::booleanValue)
                .count()
                .flatMap(flagged -> queries.countOpenOverdue().doOnNext(overdue::set).thenReturn(flagged));
    }

    /** The check as a task of the running application, every {@code check-interval}. */
    public PeriodicTask schedule() {
        return new PeriodicTask("intake overdue check", settings.checkInterval(), this::runOnce);
    }
}
