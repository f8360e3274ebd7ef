package org.investflow.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.CaseEvent;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;
import org.investflow.platform.testkit.InfrastructureInitializer;
import org.investflow.platform.testkit.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.test.context.ContextConfiguration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A save wakes the relay: its events reach the topic long before the sweep (its first run is 10 minutes
 * after start here, and a probe waits at most 30 s, so only the wake-up can explain a delivery), and a
 * burst of concurrent changes keeps every case's events in order, each once.
 */
@SpringBootTest(classes = RelayOnWriteTest.App.class, properties = {"spring.application.name=relay-wake",
        "investflow.messaging.topics=relay.wake",
        "investflow.messaging.relay-interval=10m"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class RelayOnWriteTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration FAR_BEFORE_THE_SWEEP = Duration.ofSeconds(30);
    private static final String TYPE = "org.investflow.test.tallied.v1";
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    AggregateStore<Tally> tallies;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aSavedEventReachesItsTopicWithoutWaitingForTheSweep() {
        String caseId = newCaseId();
        try (TopicProbe probe = TopicProbe.of("relay.wake")) {
            tallies.save(new Tally(caseId), List.of(new Tallied(caseId, AT, Actor.SYSTEM, 0))).block(WAIT);

            assertThat(probe.await(caseId, TYPE).key()).isEqualTo(caseId);
        }
        Awaitility.await().atMost(FAR_BEFORE_THE_SWEEP)
                .until(() -> mongo.findById(caseId, Tally.class).block(WAIT).outbox().isEmpty());
    }

    @Test
    void aBurstOfChangesKeepsTheOrderOfEachCaseAndPublishesEachEventOnce() {
        List<String> cases = IntStream.range(0, 12).mapToObj(i -> newCaseId()).toList();
        int changes = 8;

        Flux.fromIterable(cases)
                .flatMap(caseId -> tallies.save(new Tally(caseId), List.of(new Tallied(caseId, AT, Actor.SYSTEM, 0)))
                        .thenMany(Flux.range(1, changes).concatMap(i -> tallies.change(caseId, Tally::increment)))
                        .then(), cases.size())
                .then(Mono.empty())
                .block(WAIT);

        try (TopicProbe probe = TopicProbe.of("relay.wake")) {
            for (String caseId : cases) {
                probe.await(record -> caseId.equals(record.key()) && count(record) == changes);
            }
            for (String caseId : cases) {
                assertThat(probe.seenFor(caseId)).extracting(RelayOnWriteTest::count)
                        .as("events of %s in topic order", caseId)
                        .containsExactlyElementsOf(IntStream.rangeClosed(0, changes).boxed().toList());
            }
        }
    }

    private static int count(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value()).get("count").asInt();
    }

    private static String newCaseId() {
        return "CQ-2026-" + UUID.randomUUID();
    }

    record Tallied(String caseId, Instant occurredAt, Actor actor, int count) implements CaseEvent {
    }

    @Document("relay_wake_tallies")
    static class Tally extends AggregateRoot {

        @Id
        String id;
        int count;

        Tally() {
        }

        Tally(String id) {
            this.id = id;
        }

        List<Tallied> increment() {
            count++;
            return List.of(new Tallied(id, AT, Actor.SYSTEM, count));
        }
    }

    @MessagingTestApplication
    static class App {

        @Bean
        AggregateStore<Tally> tallies(AggregateStores stores) {
            return stores.of(Tally.class, EventCatalog.of("relay.wake", "/investflow/test",
                    new EventType<>(TYPE, Tallied.class)));
        }
    }
}
