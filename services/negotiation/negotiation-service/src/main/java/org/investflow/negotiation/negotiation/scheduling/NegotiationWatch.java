package org.investflow.negotiation.negotiation.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.investflow.negotiation.negotiation.Negotiation;
import org.investflow.negotiation.negotiation.NegotiationService;
import org.investflow.negotiation.negotiation.NegotiationStatus;
import org.investflow.negotiation.negotiation.persistence.NegotiationRepository;
import org.slf4j.Logger;
import org.investflow.platform.scheduling.PeriodicTask;
import org.investflow.platform.scheduling.SchedulerLease;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every check interval, on one instance at a time (a {@link SchedulerLease}): fails open negotiations
 * that have been inactive for the configured period, escalates approvals that waited too long, and
 * refreshes the gauges {@code investflow.negotiation.open} and {@code investflow.negotiation.approvals.pending}.
 */
public class NegotiationWatch {

    private static final String LEASE = "negotiation-watch";
    /** At the table: an agreement reopened after its contract fell through is negotiated again. */
    private static final List<NegotiationStatus> NEGOTIATING = List.of(NegotiationStatus.OPEN, NegotiationStatus.REOPENED);

    private final NegotiationRepository repository;
    private final NegotiationService negotiations;
    private final SchedulerLease lease;
    private final Periods periods;
    private final Clock clock;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();

    /** The watch's periods: inactivity until failure, wait until escalation, interval between runs. */
    public record Periods(Duration inactivity, Duration escalateAfter, Duration checkInterval) {
    }

    public NegotiationWatch(NegotiationRepository repository, NegotiationService negotiations, SchedulerLease lease,
                            Periods periods, Clock clock, MeterRegistry meters) {
        this.repository = repository;
        this.negotiations = negotiations;
        this.lease = lease;
        this.periods = periods;
        this.clock = clock;
        Gauge.builder("investflow.negotiation.open", open, AtomicLong::get)
                .description("negotiations at the table: open, or reopened after a contract fell through").register(meters);
        Gauge.builder("investflow.negotiation.approvals.pending", pending, AtomicLong::get)
                .description("term-sheet versions waiting for leadership approval").register(meters);
    }

    /** One run; emits what it did (empty when another instance holds the lease). */
    public Mono<Outcome> runOnce() {
        return lease.runExclusively(LEASE, Duration.ofMinutes(1), watch());
    }

    private Mono<Outcome> watch() {
        Instant now = clock.instant();
        Mono<Long> failed = count(repository.findByStatusInAndLastActivityAtBefore(NEGOTIATING,
                now.minus(periods.inactivity())), id -> negotiations.expireIfInactive(id, periods.inactivity()));
        Mono<Long> escalated = count(repository.findByPendingApprovalSinceBeforeAndPendingApprovalEscalatedFalse(
                now.minus(periods.escalateAfter())), id -> negotiations.escalate(id, periods.escalateAfter()));
        return failed.zipWith(escalated, Outcome::new).flatMap(outcome -> refreshGauges().thenReturn(outcome));
    }

    private static Mono<Long> count(Flux<Negotiation> candidates, java.util.function.Function<String, Mono<Boolean>> act) {
        return candidates.map(negotiation -> negotiation.caseId().value()).concatMap(act).filter(Boolean::booleanValue).count();
    }

    private Mono<Void> refreshGauges() {
        return repository.countByStatusIn(NEGOTIATING).doOnNext(open::set)
                .then(repository.countByPendingApprovalSinceNotNull().doOnNext(pending::set)).then();
    }

    /** What one run did. */
    public record Outcome(long failedForInactivity, long escalated) {
    }

    /** The watch as a task of the running application: at start, then every check interval. */
    public PeriodicTask schedule() {
        return new PeriodicTask("negotiation watch", Duration.ZERO, periods.checkInterval(), this::runOnce,
                SmartLifecycle.DEFAULT_PHASE);
    }
}
