package org.investflow.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.investflow.platform.domain.OutboxMessage;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.CaseEvent;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;
import org.investflow.platform.testkit.InfrastructureInitializer;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.platform.testkit.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.ContextConfiguration;
import reactor.core.publisher.Mono;

/**
 * The listeners made from an {@link Inbound} registration against the real broker: typed records
 * with their metadata, in order per case; types without a handler skipped; transient failures
 * retried a bounded number of times, then dead-lettered; poison and refusals dead-lettered at once.
 */
@SpringBootTest(classes = InboundListenersTest.App.class, properties = {"spring.application.name=inbound-check",
        "investflow.messaging.topics=inbound.check,inbound.check.DLT", "investflow.messaging.consumes=inbound.check",
        "investflow.messaging.retry-backoff=20ms"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class InboundListenersTest {

    static final String TOPIC = "inbound.check";
    static final String CHECKED = "org.investflow.test.checked.v1";
    static final String IGNORED = "org.investflow.test.ignored.v1";
    static final EventCatalog CATALOG = EventCatalog.of(TOPIC, "/investflow/test",
            new EventType<>(CHECKED, Checked.class), new EventType<>(IGNORED, Ignored.class));
    static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    @Autowired
    Recorder recorder;
    @Autowired
    CloudEventCodec codec;
    @Autowired
    InboundListeners listeners;
    @Autowired
    KafkaListenerEndpointRegistry registry;

    final String caseId = "CQ-2026-" + (100000 + (int) (Math.random() * 899999));

    @Test
    void eventsOfOneCaseReachTheirTypedHandlerInOrderWithTheirMetadata() {
        String first = send(CHECKED, caseId, "slow-first");
        send(CHECKED, caseId, "second");
        send(CHECKED, caseId, "third");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> recorder.notesOf(caseId).size() == 3);
        assertThat(recorder.notesOf(caseId)).containsExactly("slow-first", "second", "third");
        EventMetadata metadata = recorder.metadata.get("slow-first" + caseId);
        assertThat(metadata.id()).isEqualTo(first);
        assertThat(metadata.type()).isEqualTo(CHECKED);
        assertThat(metadata.caseId().value()).isEqualTo(caseId);
        assertThat(metadata.time()).isEqualTo(AT);
    }

    @Test
    void typesWithoutAHandlerAndTypesNotInTheCatalogueAreAcknowledgedAndSkipped() {
        send(IGNORED, caseId, "ignored");
        send("org.investflow.test.newer.v1", caseId, "newer");
        send(CHECKED, caseId, "after-skips");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> recorder.notesOf(caseId).contains("after-skips"));
        assertThat(recorder.notesOf(caseId)).containsExactly("after-skips");
    }

    @Test
    void aHandlerThatKeepsFailingIsRetriedABoundedNumberOfTimesThenDeadLettered() {
        try (TopicProbe deadLetters = TopicProbe.of(TOPIC + ".DLT")) {
            send(CHECKED, caseId, "fail-always");

            deadLetters.await(caseId, CHECKED);
            assertThat(recorder.attempts.get("fail-always" + caseId)).hasValue(4);
        }
    }

    @Test
    void aDomainRefusalIsDeadLetteredWithoutRetryAndTheNextIsStillProcessed() {
        try (TopicProbe deadLetters = TopicProbe.of(TOPIC + ".DLT")) {
            send(CHECKED, caseId, "refuse");
            send(CHECKED, caseId, "next");

            deadLetters.await(caseId, CHECKED);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> recorder.notesOf(caseId).contains("next"));
            assertThat(recorder.attempts.get("refuse" + caseId)).hasValue(1);
        }
    }

    @Test
    void aRecordThatIsNotACloudEventIsDeadLetteredAndTheNextIsStillProcessed() {
        try (TopicProbe deadLetters = TopicProbe.of(TOPIC + ".DLT")) {
            SharedInfrastructure.send(new ProducerRecord<>(TOPIC, caseId, "not json".getBytes(StandardCharsets.UTF_8)));
            send(CHECKED, caseId, "after-poison");

            deadLetters.await(record -> caseId.equals(record.key()));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> recorder.notesOf(caseId).contains("after-poison"));
        }
    }

    @Test
    void theTopicsAndTheListenersComeFromTheRegistrations() {
        assertThat(listeners.consumedTopics()).containsExactly(TOPIC);
        assertThat(registry.getListenerContainer("inbound-check." + TOPIC).getGroupId()).isEqualTo("inbound-check");
    }

    @Test
    void aDeclaredConsumesListThatDiffersFromTheRegistrationsIsRefused() {
        assertThatThrownBy(() -> listeners.verifyDeclared(List.of(TOPIC, "other.events")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("other.events");
        listeners.verifyDeclared(List.of(TOPIC));
    }

    @Test
    void aTypeOutsideTheGroupsCataloguesCannotBeRegistered() {
        assertThatThrownBy(() -> Inbound.group("elsewhere").on(Checked.class, (event, metadata) -> Mono.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String send(String type, String caseId, String note) {
        String id = UUID.randomUUID().toString();
        String payload = "{\"caseId\":\"" + caseId + "\",\"occurredAt\":\"" + AT + "\",\"actor\":{\"id\":\"tester\",\"role\":\"SYSTEM\"},"
                + "\"note\":\"" + note + "\"}";
        SharedInfrastructure.send(codec.toRecord(new OutboxMessage(id, TOPIC, type, "/investflow/test", caseId, AT, payload,
                "tester", "SYSTEM")));
        return id;
    }

    record Checked(String caseId, Instant occurredAt, Actor actor, String note) implements CaseEvent {
    }

    record Ignored(String caseId, Instant occurredAt, Actor actor, String note) implements CaseEvent {
    }

    /** Remembers what it handled; fails or refuses as the note says. */
    static class Recorder {

        final Map<String, List<String>> notes = new ConcurrentHashMap<>();
        final Map<String, EventMetadata> metadata = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        Mono<Void> handle(Checked event, EventMetadata delivery) {
            attempts.computeIfAbsent(event.note() + event.caseId(), key -> new AtomicInteger()).incrementAndGet();
            if (event.note().equals("fail-always")) {
                return Mono.error(new IllegalStateException("the store is down"));
            }
            if (event.note().equals("refuse")) {
                return Mono.error(new RuleViolationException("refused"));
            }
            Duration work = event.note().startsWith("slow") ? Duration.ofMillis(500) : Duration.ZERO;
            return Mono.delay(work).doOnNext(tick -> {
                metadata.put(event.note() + event.caseId(), delivery);
                notes.computeIfAbsent(event.caseId(), key -> new CopyOnWriteArrayList<>()).add(event.note());
            }).then();
        }

        List<String> notesOf(String caseId) {
            return notes.getOrDefault(caseId, List.of());
        }
    }

    @MessagingTestApplication
    static class App {

        @Bean
        Recorder recorder() {
            return new Recorder();
        }

        @Bean
        Inbound checks(Recorder recorder) {
            return Inbound.group("inbound-check", CATALOG).on(Checked.class, recorder::handle);
        }
    }
}
