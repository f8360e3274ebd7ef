package org.investflow.platform.messaging;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.investflow.platform.events.EventCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * How every consumer group ({@link Inbound}) consumes a record: read it as a CloudEvent of the producer's catalogue, hand
 * it to the handler registered for its type, retry transient failures a bounded number of times, and send what still fails
 * to {@code <topic>.DLT} with spring-kafka's {@code kafka_dlt-*} headers — all inside the
 * {@code Mono} the listener returns, which therefore never fails. That matters because spring-kafka
 * 4 acknowledges a failed async result after only logging it (the container's error handler never
 * sees it), which would lose the record. Poison records and domain refusals are not retried.
 * Publishing to the dead-letter topic itself is retried until it succeeds: the consumer stays
 * paused on that record rather than lose it.
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final CloudEventCodec codec;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final MessagingProperties properties;

    public InboundEvents(CloudEventCodec codec, DeadLetterPublishingRecoverer deadLetters, MessagingProperties properties) {
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.properties = properties;
    }

    /** Consumes {@code record} with the handler {@code inbound} registered for its type; other types are skipped. */
    public Mono<Void> consume(ConsumerRecord<String, byte[]> record, Inbound inbound) {
        EventCatalog catalog = inbound.catalogOf(record.topic())
                .orElseThrow(() -> new IllegalStateException(inbound.groupId() + " does not read " + record.topic()));
        return Mono.defer(() -> codec.read(record, catalog).map(inbound::dispatch).orElse(Mono.empty()))
                .retryWhen(Retry.fixedDelay(properties.retries(), properties.retryBackoff()).filter(DeadLetters::retryable))
                .onErrorResume(error -> deadLetter(record, Exceptions.isRetryExhausted(error) ? error.getCause() : error));
    }

    private Mono<Void> deadLetter(ConsumerRecord<String, byte[]> record, Throwable error) {
        Exception reason = error instanceof Exception exception ? exception : new IllegalStateException(error);
        log.warn("dead-lettering {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
                record.key(), reason.toString());
        return Mono.fromRunnable(() -> deadLetters.accept(record, null, reason))
                .subscribeOn(Schedulers.boundedElastic())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(30)))
                .then();
    }
}
