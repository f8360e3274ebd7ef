package org.investflow.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.investflow.platform.events.EventCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
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

    /** Publication → batch handed to the group, per record. */
    public static final String BATCH_DELAY = "investflow.inbound.batch.delay";
    /** Batch handed to the group → its work done, per batch. */
    public static final String BATCH_HANDLING = "investflow.inbound.batch.handling";

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final CloudEventCodec codec;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final MessagingProperties properties;
    private final MeterRegistry meters;

    public InboundEvents(CloudEventCodec codec, DeadLetterPublishingRecoverer deadLetters, MessagingProperties properties,
                         MeterRegistry meters) {
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.meters = meters;
    }

    /** Consumes {@code record} with the handler {@code inbound} registered for its type; other types are skipped. */
    public Mono<Void> consume(ConsumerRecord<String, byte[]> record, Inbound inbound) {
        EventCatalog catalog = inbound.catalogOf(record.topic())
                .orElseThrow(() -> new IllegalStateException(inbound.groupId() + " does not read " + record.topic()));
        return retried(Mono.defer(() -> codec.read(record, catalog).map(inbound::dispatch).orElse(Mono.empty())))
                .onErrorResume(error -> deadLetter(record, Exceptions.isRetryExhausted(error) ? error.getCause() : error));
    }

    /**
     * Consumes the records of one poll with {@code group}'s batch handler: unreadable records go straight to the
     * dead-letter topic, the readable events are handed over together and retried together a bounded number of times;
     * if the batch still fails, its events are handed over one at a time (in order), each retried, and only the one that
     * still fails goes to the dead-letter topic. Like {@link #consume}, the returned {@code Mono} never fails.
     * <p>
     * Timed per group: {@value #BATCH_DELAY} (each record's timestamp, when its producer sent it, to the moment its
     * batch is handed over: Kafka and the poll) and {@value #BATCH_HANDLING} (handed over to done: the group's reads
     * and writes), so that a read model's lag can be split without a profiler.
     */
    public Mono<Void> consumeBatch(List<ConsumerRecord<String, byte[]>> records, BatchInbound group) {
        long handedOver = System.currentTimeMillis();
        Timer delay = timer(BATCH_DELAY, "record's timestamp (sent by its producer) to its batch handed to the group", group);
        records.forEach(record -> delay.record(Duration.ofMillis(Math.max(0, handedOver - record.timestamp()))));
        Timer.Sample handling = Timer.start(meters);
        return handle(records, group).doFinally(signal -> handling.stop(
                timer(BATCH_HANDLING, "a batch handed to the group until its reads and writes completed", group)));
    }

    private Timer timer(String name, String description, BatchInbound group) {
        return Timer.builder(name).description(description).tag("group", group.groupId())
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(meters);
    }

    private Mono<Void> handle(List<ConsumerRecord<String, byte[]>> records, BatchInbound group) {
        List<ConsumerRecord<String, byte[]>> readable = new ArrayList<>(records.size());
        List<IncomingEvent> events = new ArrayList<>(records.size());
        List<Mono<Void>> poison = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventCatalog catalog = group.catalogOf(record.topic())
                    .orElseThrow(() -> new IllegalStateException(group.groupId() + " does not read " + record.topic()));
            try {
                codec.read(record, catalog).ifPresent(event -> {
                    readable.add(record);
                    events.add(event);
                });
            } catch (RuntimeException unreadable) {
                poison.add(deadLetter(record, unreadable));
            }
        }
        return Flux.concat(poison).then(retried(Mono.defer(() -> group.dispatch(events))))
                .onErrorResume(error -> oneByOne(readable, events, group));
    }

    private Mono<Void> oneByOne(List<ConsumerRecord<String, byte[]>> records, List<IncomingEvent> events, BatchInbound group) {
        return Flux.range(0, events.size())
                .concatMap(i -> retried(Mono.defer(() -> group.dispatch(List.of(events.get(i)))))
                        .onErrorResume(error -> deadLetter(records.get(i), Exceptions.isRetryExhausted(error) ? error.getCause() : error)))
                .then();
    }

    private Mono<Void> retried(Mono<Void> work) {
        return work.retryWhen(Retry.fixedDelay(properties.retries(), properties.retryBackoff()).filter(DeadLetters::retryable));
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
