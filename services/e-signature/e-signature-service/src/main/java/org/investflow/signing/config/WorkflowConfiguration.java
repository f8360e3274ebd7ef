package org.investflow.signing.config;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.investflow.platform.scheduling.PeriodicTask;
import org.investflow.platform.scheduling.SchedulerLease;
import org.investflow.signing.envelope.EnvelopeService;
import org.investflow.signing.envelope.EnvelopeStatus;
import org.investflow.signing.envelope.SigningMetrics;
import org.investflow.signing.envelope.persistence.EnvelopeKeys;
import org.investflow.signing.envelope.persistence.EnvelopeRepository;
import org.investflow.signing.mail.MailDelivery;
import org.investflow.signing.mail.Postman;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The signing workflow's scheduled work, each on one instance at a time: the watch (expiry and
 * reminders), the sweep that seals fully signed envelopes again after a failure, the mail outbox's delivery over SMTP (Resilience4j retry + circuit breaker), and the
 * gauges of envelopes by state and mails pending.
 */
@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @Bean
    @ConditionalOnMissingBean
    SchedulerLease schedulerLease(ReactiveMongoTemplate mongo, Clock clock) {
        return new SchedulerLease(mongo, clock);
    }

    @Bean
    SigningMetrics signingMetrics(MeterRegistry meters) {
        return new SigningMetrics(meters);
    }

    @Bean
    PeriodicTask envelopeWatch(EnvelopeService envelopes, SchedulerLease lease, WorkflowProperties settings) {
        return new PeriodicTask("envelope watch", settings.watchInterval(),
                () -> lease.runExclusively("e-signature-envelope-watch", LEASE, envelopes.watch()));
    }

    /** Files the envelopes stored before their keys existed (a no-op once done), at start and hourly should it have failed. */
    @Bean
    PeriodicTask envelopeKeysBackfill(EnvelopeKeys keys, SchedulerLease lease, Clock clock) {
        return new PeriodicTask("envelope keys backfill", Duration.ZERO, Duration.ofHours(1), () -> keys.backfillOnce(lease, clock),
                PeriodicTask.DEFAULT_PHASE);
    }

    /** Retries sealing fully signed envelopes whose sealing is due (after a failure, or a crash right after the last signature). */
    @Bean
    PeriodicTask sealingSweep(EnvelopeService envelopes, SchedulerLease lease, SealingProperties settings) {
        return new PeriodicTask("sealing sweep", settings.interval(),
                () -> lease.runExclusively("e-signature-sealing", LEASE, envelopes.sealDue()));
    }

    /** SMTP calls: retried a few times, behind a circuit breaker; both exposed as metrics (resilience4j_*{name="smtp"}). */
    @Bean
    Postman postman(JavaMailSender sender, WorkflowProperties settings, MeterRegistry meters) {
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom().maxAttempts(settings.mailAttempts())
                .waitDuration(Duration.ofMillis(200)).ignoreExceptions(CallNotPermittedException.class).build());
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().slidingWindowSize(10)
                .minimumNumberOfCalls(5).failureRateThreshold(50).waitDurationInOpenState(Duration.ofSeconds(10)).build());
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        return new Postman(sender, settings.mailFrom(), retries.retry("smtp"), breakers.circuitBreaker("smtp"));
    }

    @Bean
    MailDelivery mailDelivery(EnvelopeService envelopes, Postman postman) {
        return new MailDelivery(envelopes, postman);
    }

    @Bean
    PeriodicTask mailDeliverySchedule(MailDelivery delivery, SchedulerLease lease, WorkflowProperties settings) {
        return new PeriodicTask("mail delivery", settings.mailInterval(),
                () -> lease.runExclusively("e-signature-mail-delivery", LEASE, delivery.deliverPending()));
    }

    @Bean
    PeriodicTask signingGauges(EnvelopeRepository envelopes, MeterRegistry meters, WorkflowProperties settings) {
        Map<EnvelopeStatus, AtomicLong> byState = new EnumMap<>(EnvelopeStatus.class);
        for (EnvelopeStatus status : EnvelopeStatus.values()) {
            AtomicLong count = new AtomicLong();
            byState.put(status, count);
            Gauge.builder("investflow.signing.envelopes", count, AtomicLong::get).tag("state", status.name()).register(meters);
        }
        AtomicLong pending = new AtomicLong();
        Gauge.builder("investflow.signing.mails.pending", pending, AtomicLong::get).register(meters);
        return new PeriodicTask("signing gauges", settings.gaugeInterval(), () -> Flux.fromIterable(byState.entrySet())
                .concatMap(entry -> envelopes.countByStatus(entry.getKey()).doOnNext(entry.getValue()::set))
                .thenMany(envelopes.findByMailsNotNullAndMailsNotEmpty().map(envelope -> envelope.mails().size()))
                .reduce(0, Integer::sum).doOnNext(pending::set).then(Mono.empty()));
    }
}
