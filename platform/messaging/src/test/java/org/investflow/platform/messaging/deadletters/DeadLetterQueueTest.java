package org.investflow.platform.messaging.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.domain.OutboxMessage;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.CaseEvent;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;
import org.investflow.platform.messaging.CloudEventCodec;
import org.investflow.platform.messaging.EventMetadata;
import org.investflow.platform.messaging.Inbound;
import org.investflow.platform.messaging.MessagingTestApplication;
import org.investflow.platform.testkit.InfrastructureInitializer;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ContextConfiguration;
import reactor.core.publisher.Mono;

/**
 * A refused event lands in the dead-letter topic, is listed there with its reason and original
 * coordinates, and once the cause is fixed is replayed to its topic with its event id, so a second
 * replay is absorbed by the consumer's inbox; the waiting count follows the replays.
 */
@SpringBootTest(classes = DeadLetterQueueTest.App.class, properties = {"spring.application.name=dlq-check",
        "investflow.messaging.topics=dlq.check,dlq.check.DLT", "investflow.messaging.consumes=dlq.check"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class DeadLetterQueueTest {

    static final String TOPIC = "dlq.check";
    static final String CHECKED = "org.investflow.test.checked.v1";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    @Autowired
    DeadLetterQueue queue;
    @Autowired
    Consumer consumer;
    @Autowired
    CloudEventCodec codec;

    final String caseId = "CQ-2026-" + UUID.randomUUID();

    @Test
    void aRefusedEventIsListedWithItsReasonAndReplayedOnceIntoTheInbox() {
        consumer.broken.set(true);
        String eventId = send();
        DeadLetter letter = awaitListed(eventId);

        assertThat(letter.originalTopic()).isEqualTo(TOPIC);
        assertThat(letter.originalPartition()).isNotNull();
        assertThat(letter.originalOffset()).isNotNull();
        assertThat(letter.key()).isEqualTo(caseId);
        assertThat(letter.eventType()).isEqualTo(CHECKED);
        assertThat(letter.exception()).contains(RuleViolationException.class.getSimpleName());
        assertThat(letter.reason()).contains("not today");
        long waitingBefore = queue.waiting(TOPIC).block(WAIT);
        assertThat(waitingBefore).isPositive();

        consumer.broken.set(false);
        assertThat(queue.replay(TOPIC, letter.partition(), letter.offset()).block(WAIT).eventId()).isEqualTo(eventId);
        Awaitility.await().atMost(WAIT).until(() -> consumer.applied(eventId) == 1);
        queue.replay(TOPIC, letter.partition(), letter.offset()).block(WAIT);
        Awaitility.await().atMost(WAIT).until(() -> consumer.deliveries(eventId) == 3);

        assertThat(consumer.applied(eventId)).isEqualTo(1);
    }

    @Test
    void replayingAllEmptiesTheWaitingCount() {
        consumer.broken.set(true);
        awaitListed(send());
        consumer.broken.set(false);

        int replayed = queue.replayAll(TOPIC).block(WAIT);

        assertThat(replayed).isEqualTo(queue.list(TOPIC).block(WAIT).size());
        assertThat(queue.waiting(TOPIC).block(WAIT)).isZero();
    }

    @Test
    void aTopicTheServiceDoesNotConsumeHasNoDeadLettersHere() {
        assertThatThrownBy(() -> queue.list("elsewhere.events").block(WAIT)).isInstanceOf(NotFoundException.class);
    }

    private DeadLetter awaitListed(String eventId) {
        return Awaitility.await().atMost(WAIT).until(() -> queue.list(TOPIC).block(WAIT).stream()
                .filter(letter -> eventId.equals(letter.eventId())).findFirst().orElse(null), letter -> letter != null);
    }

    private String send() {
        String id = UUID.randomUUID().toString();
        String payload = "{\"caseId\":\"" + caseId + "\",\"occurredAt\":\"" + AT + "\",\"actor\":{\"id\":\"tester\",\"role\":\"SYSTEM\"}}";
        SharedInfrastructure.send(codec.toRecord(new OutboxMessage(id, TOPIC, CHECKED, "/investflow/test", caseId, AT, payload,
                "tester", "SYSTEM")));
        return id;
    }

    record Checked(String caseId, Instant occurredAt, Actor actor) implements CaseEvent {
    }

    /** Refuses while broken; applies each event id once (its inbox), counting every delivery. */
    static class Consumer {

        final AtomicBoolean broken = new AtomicBoolean();
        final Set<String> inbox = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> appliedCounts = new ConcurrentHashMap<>();

        Mono<Void> handle(Checked event, EventMetadata metadata) {
            delivered.computeIfAbsent(metadata.id(), id -> new AtomicInteger()).incrementAndGet();
            if (broken.get()) {
                return Mono.error(new RuleViolationException("not today"));
            }
            if (inbox.add(metadata.id())) {
                appliedCounts.computeIfAbsent(metadata.id(), id -> new AtomicInteger()).incrementAndGet();
            }
            return Mono.empty();
        }

        int applied(String id) {
            return appliedCounts.getOrDefault(id, new AtomicInteger()).get();
        }

        int deliveries(String id) {
            return delivered.getOrDefault(id, new AtomicInteger()).get();
        }
    }

    @MessagingTestApplication
    static class App {

        @Bean
        Consumer consumer() {
            return new Consumer();
        }

        @Bean
        Inbound checks(Consumer consumer) {
            return Inbound.group("dlq-check", EventCatalog.of(TOPIC, "/investflow/test", new EventType<>(CHECKED, Checked.class)))
                    .on(Checked.class, consumer::handle);
        }
    }
}
