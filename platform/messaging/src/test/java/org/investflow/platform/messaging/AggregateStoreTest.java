package org.investflow.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.CaseEvent;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The aggregate store against the real MongoDB-wire server: outbox with every save, optimistic retry, create once. */
class AggregateStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");
    private static final EventCatalog CATALOG = EventCatalog.of("counters.events", "/investflow/test",
            new EventType<>("org.investflow.test.counted.v1", Counted.class));

    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;
    private static AggregateStores stores;
    private static AggregateStore<Counter> counters;

    private final String id = "CQ-2026-" + UUID.randomUUID();

    @BeforeAll
    static void connect() {
        client = MongoClients.create(SharedInfrastructure.mongoUri("aggregate_store_test"));
        mongo = new ReactiveMongoTemplate(client, "aggregate_store_test");
        stores = new AggregateStores(mongo, new OutboxMessages(new CloudEventCodec(JsonMapper.builder().build())));
        counters = stores.of(Counter.class, CATALOG);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void aSaveQueuesTheEventsAsOutboxMessagesOfTheCatalogueAndInTheHistory() {
        Counter saved = counters.save(new Counter(id), List.of(new Counted(id, AT, Actor.SYSTEM, 1))).block(WAIT);

        Counter stored = mongo.findById(id, Counter.class).block(WAIT);
        assertThat(stored.outbox()).singleElement().satisfies(message -> {
            assertThat(message.topic()).isEqualTo("counters.events");
            assertThat(message.type()).isEqualTo("org.investflow.test.counted.v1");
            assertThat(message.caseId()).isEqualTo(id);
        });
        assertThat(stored.history()).hasSize(1);
        assertThat(saved.version()).isNotNull();
    }

    @Test
    void aChangeThatLosesTheOptimisticRaceRunsAgainOnTheFreshDocument() {
        counters.save(new Counter(id), List.of()).block(WAIT);
        AtomicInteger runs = new AtomicInteger();

        Counter changed = counters.change(id, counter -> {
            if (runs.incrementAndGet() == 1) {
                relayRemovedAnEvent(id);
            }
            return counter.increment();
        }).block(WAIT);

        assertThat(runs).hasValue(2);
        assertThat(changed.count).isEqualTo(1);
        assertThat(mongo.findById(id, Counter.class).block(WAIT).outbox()).hasSize(1);
    }

    @Test
    void versionedSavesHaveAUniqueIndexOnExactlyTheirFilterSoEvenTheWireServerServesThemByKey() {
        counters.save(new Counter(id), List.of()).block(WAIT);

        List<org.bson.Document> indexes = mongo.getCollection("counters").flatMapMany(c -> c.listIndexes()).collectList()
                .block(WAIT);
        assertThat(indexes).filteredOn(index -> AggregateStore.VERSION_INDEX.equals(index.getString("name")))
                .singleElement().satisfies(index -> {
                    assertThat(index.getBoolean("unique")).isTrue();
                    assertThat(((org.bson.Document) index.get("key")).keySet()).containsExactly("_id", AggregateRoot.VERSION_FIELD);
                });
    }

    @Test
    void aChangeOfAMissingAggregateIsNotFound() {
        assertThatThrownBy(() -> counters.change(id, Counter::increment).block(WAIT)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aChangeThatCausedNoEventsWritesNothing() {
        Long version = counters.save(new Counter(id), List.of()).block(WAIT).version();

        assertThat(counters.changeIfCaused(id, counter -> List.of()).block(WAIT)).isFalse();
        assertThat(counters.changeIfCaused("CQ-absent-" + id, Counter::increment).block(WAIT)).isFalse();
        assertThat(mongo.findById(id, Counter.class).block(WAIT).version()).isEqualTo(version);
        assertThat(counters.changeIfCaused(id, Counter::increment).block(WAIT)).isTrue();
    }

    @Test
    void createOnceCreatesOnceAlsoWhenARaceIsLostOnTheUniqueKey() {
        assertThat(counters.createOnce(id, () -> creation(id)).block(WAIT)).isTrue();
        assertThat(counters.createOnce(id, () -> creation(id)).block(WAIT)).isFalse();

        Mono<Boolean> raceLost = counters.createOnce(Mono.just(false), () -> counters.save(creation(id)));

        assertThat(raceLost.block(WAIT)).isFalse();
        assertThat(mongo.findById(id, Counter.class).block(WAIT).outbox()).hasSize(1);
    }

    @Test
    void theCollectionsOfStoredTypesAreKnownWithoutConfiguration() {
        assertThat(stores.collections()).contains("counters");
        assertThat(counters.collection()).isEqualTo("counters");
    }

    private static AggregateStore.Creation<Counter> creation(String id) {
        return new AggregateStore.Creation<>(new Counter(id), List.of(new Counted(id, AT, Actor.SYSTEM, 0)));
    }

    /** What the outbox relay does to a document after publishing: its version moves on. */
    private static void relayRemovedAnEvent(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().inc(AggregateRoot.VERSION_FIELD, 1),
                Counter.class).block(WAIT);
    }

    record Counted(String caseId, Instant occurredAt, Actor actor, int count) implements CaseEvent {
    }

    @Document("counters")
    static class Counter extends AggregateRoot {

        @Id
        String id;
        int count;

        Counter() {
        }

        Counter(String id) {
            this.id = id;
        }

        List<Counted> increment() {
            count++;
            return List.of(new Counted(id, AT, Actor.SYSTEM, count));
        }
    }
}
