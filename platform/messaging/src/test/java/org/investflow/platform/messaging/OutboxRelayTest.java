package org.investflow.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.OutboxMessage;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.scheduling.SchedulerLease;
import org.investflow.platform.testkit.InfrastructureInitializer;
import org.investflow.platform.testkit.TopicProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.test.context.ContextConfiguration;

/**
 * The relay publishes what a save queued, exactly once, and a save of a copy read before the relay
 * removed the published event fails its optimistic lock instead of queuing that event again. The
 * relay finds the collection because the aggregate type has a store, not because it is configured.
 * Of several instances only the one holding the sweep lease sweeps.
 */
@SpringBootTest(classes = OutboxRelayTest.App.class, properties = {"spring.application.name=relay-check",
        "investflow.messaging.topics=relay.check",
        "investflow.messaging.relay-interval=1h"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class OutboxRelayTest {

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    OutboxRelay relay;
    @Autowired
    AggregateStores stores;
    @Autowired
    AggregateStore<Check> checks;

    @Test
    void theRelayDrainsTheCollectionOfEveryStoredAggregateType() {
        assertThat(stores.collections()).contains("relay_checks");
    }

    @Test
    void theRelayLeavesAReadModelThatPublishesNothingAlone() {
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(Seen.class);
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(Unstored.class);

        assertThat(stores.collections()).doesNotContain("relay_seen").contains("relay_unstored");
    }

    @Test
    void theSweepFindsPendingDocumentsThroughASparseIndexOfTheirEventIds() {
        String pending = "CQ-2026-" + (100000 + (int) (Math.random() * 899999));
        String published = pending + "-P";
        mongo.insert(new Check(pending, message(pending))).block();
        mongo.insert(new Check(published, null)).block();

        relay.drain().block(Duration.ofSeconds(30));

        assertThat(mongo.findById(pending, Check.class).block().outbox()).as("drained by the sweep").isEmpty();
        assertThat(mongo.indexOps(Check.class).getIndexInfo().collectList().block())
                .filteredOn(index -> OutboxRelay.PENDING_INDEX.equals(index.getName()))
                .singleElement().satisfies(index -> {
                    assertThat(index.isSparse()).isTrue();
                    assertThat(index.getIndexFields()).singleElement()
                            .satisfies(field -> assertThat(field.getKey()).isEqualTo(OutboxRelay.PENDING_FIELD));
                });
    }

    @Test
    void aCopyReadBeforeTheRelayRanCannotPutThePublishedEventBack() {
        String caseId = "CQ-2026-" + (100000 + (int) (Math.random() * 899999));
        Check saved = mongo.insert(new Check(caseId, message(caseId))).block();
        Check staleCopy = mongo.findById(caseId, Check.class).block();

        relay.drain().block();

        assertThat(mongo.findById(caseId, Check.class).block().outbox()).isEmpty();
        staleCopy.enqueue(List.of(message(caseId)));
        assertThatThrownBy(() -> mongo.save(staleCopy).block()).isInstanceOf(OptimisticLockingFailureException.class);
        try (TopicProbe probe = TopicProbe.of("relay.check")) {
            probe.await(caseId, "org.investflow.test.checked.v1");
            assertThat(probe.seenFor(caseId)).hasSize(1);
        }
        assertThat(saved.version()).isNotNull();
    }

    @Test
    void sweepsRacingAWakeUpPublishEachEventOnce() {
        String caseId = "CQ-2026-" + (100000 + (int) (Math.random() * 899999));
        Check check = new Check(caseId, message(caseId));
        check.enqueue(List.of(message(caseId), message(caseId)));
        checks.save(check, List.of()).block();

        Flux.range(0, 6).flatMap(pass -> relay.drain(), 6).blockLast();

        try (TopicProbe probe = TopicProbe.of("relay.check")) {
            probe.await(caseId, "org.investflow.test.checked.v1");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(caseId, Check.class).block().outbox().isEmpty());
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> probe.seenFor(caseId).size() == 3);
        }
    }

    @Test
    void whileAnotherInstanceHoldsTheSweepLeaseThisOneSweepsNothing() {
        String caseId = "CQ-2026-" + (100000 + (int) (Math.random() * 899999));
        mongo.insert(new Check(caseId, message(caseId))).block();
        SchedulerLease thisInstance = new SchedulerLease(mongo, Clock.systemUTC());
        SchedulerLease otherInstance = new SchedulerLease(mongo, Clock.systemUTC());

        Boolean leftWhileHeld = otherInstance.runExclusively(OutboxRelay.SWEEP_LEASE, Duration.ofMinutes(1),
                relay.sweep(thisInstance).then(mongo.findById(caseId, Check.class)).map(check -> !check.outbox().isEmpty()))
                .block();
        relay.sweep(thisInstance).block();

        assertThat(leftWhileHeld).as("outbox left to the lease holder").isTrue();
        assertThat(mongo.findById(caseId, Check.class).block().outbox()).as("swept once the lease is free").isEmpty();
    }

    private static OutboxMessage message(String caseId) {
        return new OutboxMessage(UUID.randomUUID().toString(), "relay.check", "org.investflow.test.checked.v1",
                "/investflow/test", caseId, Instant.parse("2026-01-01T00:00:00Z"), "{\"caseId\":\"" + caseId + "\"}", "tester", "SYSTEM");
    }

    @Document("relay_seen")
    @org.investflow.platform.domain.PublishesNothing
    static class Seen extends AggregateRoot {
        @Id
        String id;
    }

    /** An aggregate saved without a store: still drained, in case its outbox holds events. */
    @Document("relay_unstored")
    static class Unstored extends AggregateRoot {
        @Id
        String id;
    }

    @Document("relay_checks")
    static class Check extends AggregateRoot {

        @Id
        String id;

        Check() {
        }

        /** With {@code message} pending, or none when null. */
        Check(String id, OutboxMessage message) {
            this.id = id;
            if (message != null) {
                enqueue(List.of(message));
            }
        }
    }

    @MessagingTestApplication
    static class App {

        @Bean
        AggregateStore<Check> checks(AggregateStores stores) {
            return stores.of(Check.class, EventCatalog.of("relay.check", "/investflow/test"));
        }
    }
}
