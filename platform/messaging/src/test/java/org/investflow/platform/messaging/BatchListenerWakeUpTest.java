package org.investflow.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.investflow.platform.domain.OutboxMessage;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;
import org.investflow.platform.testkit.InfrastructureInitializer;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.test.context.ContextConfiguration;
import reactor.core.publisher.Mono;

/**
 * A batch listener's consumer is paused while the batch's {@code Mono} runs, and spring-kafka does not wake it when a
 * batch is acknowledged: the listener wakes it itself, so the next batch follows as soon as the last completed. Here
 * the paused poll's timeout is two minutes: a record published during a batch would otherwise wait for it.
 */
@SpringBootTest(classes = BatchListenerWakeUpTest.App.class, properties = {"spring.application.name=batch-wake-check",
        "investflow.messaging.topics=batch.wake", "investflow.messaging.consumes=batch.wake"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class BatchListenerWakeUpTest {

    static final String TOPIC = "batch.wake";
    static final EventCatalog CATALOG = EventCatalog.of(TOPIC, "/investflow/test",
            new EventType<>(InboundListenersTest.CHECKED, InboundListenersTest.Checked.class));
    static final Duration PAUSED_POLL = Duration.ofMinutes(2);

    @Autowired
    Recorder recorder;
    @Autowired
    CloudEventCodec codec;

    @Test
    void aRecordPublishedDuringABatchIsTakenWhenTheBatchCompletesNotWhenThePausedPollTimesOut() {
        String caseId = "CQ-2026-" + (100000 + (int) (Math.random() * 899999));
        send(caseId, "held");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> recorder.started.contains("held"));

        send(caseId, "next");
        recorder.release.complete(null);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> recorder.handled.contains("next"));
        assertThat(recorder.handled).containsExactly("held", "next");
    }

    private void send(String caseId, String note) {
        String payload = "{\"caseId\":\"" + caseId + "\",\"occurredAt\":\"" + InboundListenersTest.AT + "\","
                + "\"actor\":{\"id\":\"tester\",\"role\":\"SYSTEM\"},\"note\":\"" + note + "\"}";
        SharedInfrastructure.send(codec.toRecord(new OutboxMessage(UUID.randomUUID().toString(), TOPIC, InboundListenersTest.CHECKED,
                "/investflow/test", caseId, InboundListenersTest.AT, payload, "tester", "SYSTEM")));
    }

    /** Holds the batch with the note "held" until released; records what it started and what it completed. */
    static class Recorder {

        final List<String> started = new CopyOnWriteArrayList<>();
        final List<String> handled = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> release = new CompletableFuture<>();

        Mono<Void> handle(List<IncomingEvent> events) {
            List<String> notes = events.stream().map(event -> ((InboundListenersTest.Checked) event.data()).note()).toList();
            started.addAll(notes);
            Mono<Void> work = notes.contains("held") ? Mono.fromFuture(release) : Mono.empty();
            return work.then(Mono.fromRunnable(() -> handled.addAll(notes)));
        }
    }

    @MessagingTestApplication
    static class App {

        @Bean
        Recorder recorder() {
            return new Recorder();
        }

        @Bean
        BatchInbound checks(Recorder recorder) {
            return BatchInbound.group("batch-wake-check", 100, CATALOG).handle(recorder::handle);
        }

        @Bean
        static BeanPostProcessor longPausedPoll() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof ConcurrentKafkaListenerContainerFactory<?, ?> factory) {
                        factory.getContainerProperties().setPollTimeoutWhilePaused(PAUSED_POLL);
                    }
                    return bean;
                }
            };
        }
    }
}
