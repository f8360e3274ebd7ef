package org.investflow.intake.servicelevel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.investflow.intake.intention.IntentionService;
import org.investflow.intake.intention.persistence.IntentionQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Flags open intentions that waited longer than the response target for a first decision, on one
 * instance at a time (a {@link SchedulerLease}), and keeps {@code investflow.intake.overdue} — the
 * number of open overdue cases — up to date.
 */
public class OverdueCheck implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverdueCheck.class);
    private static final String LEASE = "intake-overdue-check";

    private final IntentionQueries queries;
    private final IntentionService intentions;
    private final SchedulerLease lease;
    private final ServiceLevelProperties settings;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final AtomicLong overdue = new AtomicLong();
    private volatile Disposable running;

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
        return lease.runExclusively(LEASE, Duration.ofMinutes(5), flagOverdue());
    }

    private Mono<Long> flagOverdue() {
        Instant deadline = workingDays.before(clock.instant(), settings.firstDecisionWorkingDays());
        String detail = "No first decision within " + settings.firstDecisionWorkingDays() + " working days of submission.";
        return queries.overdue(deadline)
                .concatMap(intention -> intentions.flagOverdue(intention.caseId(), detail))
                .filter(Boolean::booleanValue)
                .count()
                .flatMap(flagged -> queries.countOpenOverdue().doOnNext(overdue::set).thenReturn(flagged));
    }

    @Override
    public void start() {
        running = Flux.interval(settings.checkInterval())
                .onBackpressureDrop()
                .concatMap(tick -> runOnce().onErrorResume(this::tryAgainLater), 1)
                .subscribe();
    }

    private Mono<Long> tryAgainLater(Throwable error) {
        log.warn("overdue check failed; it runs again at the next interval: {}", error.toString());
        return Mono.empty();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
