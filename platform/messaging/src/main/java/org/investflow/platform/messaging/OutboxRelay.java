package org.investflow.platform.messaging;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.OutboxMessage;
import org.investflow.platform.scheduling.PeriodicTask;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes the events waiting in aggregate documents, in their order, then removes each from its
 * document and increments the document's version, so that a concurrent save of an older copy fails
 * its optimistic lock (and is retried by {@link ConcurrentChanges}) instead of re-adding a published
 * event. A failed send leaves the event where it is for the next pass, so an event is never lost; a
 * crash between send and removal publishes it again, which idempotent consumers absorb.
 */
public class OutboxRelay {

    private static final int BATCH = 100;

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final CloudEventCodec codec;
    private final AggregateStores stores;
    private final Duration interval;
    private final Counter published;
    private final Counter failures;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, CloudEventCodec codec,
                       AggregateStores stores, MessagingProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.codec = codec;
        this.stores = stores;
        this.interval = properties.relayInterval();
        this.published = meters.counter("investflow.outbox.published");
        this.failures = meters.counter("investflow.outbox.failures");
    }

    /** One pass over the collection of every aggregate type; completes when all it found was published. */
    public Mono<Void> drain() {
        return Flux.defer(() -> Flux.fromIterable(stores.collections())).concatMap(this::drain).then();
    }

    private Mono<Void> drain(String collection) {
        Query pending = Query.query(Criteria.where("outbox.0").exists(true)).limit(BATCH);
        return mongo.find(pending, Document.class, collection)
                .concatMap(document -> publish(collection, document))
                .then();
    }

    private Mono<Void> publish(String collection, Document document) {
        List<Document> outbox = document.getList("outbox", Document.class);
        return Flux.fromIterable(outbox)
                .map(entry -> mongo.getConverter().read(OutboxMessage.class, entry))
                .concatMap(message -> send(message).then(remove(collection, document.get("_id"), message)))
                .then();
    }

    private Mono<Void> send(OutboxMessage message) {
        return Mono.fromFuture(() -> kafka.send(codec.toRecord(message)))
                .doOnSuccess(result -> published.increment())
                .then();
    }

    private Mono<Void> remove(String collection, Object id, OutboxMessage message) {
        Update update = new Update().pull("outbox", new Document("eventId", message.eventId()))
                .inc(AggregateRoot.VERSION_FIELD, 1);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, collection).then();
    }

    /** The relay as a task of the running application: started after the listeners and web server, stopped before. */
    public PeriodicTask schedule() {
        return new PeriodicTask("outbox relay", interval, () -> drain().doOnError(error -> failures.increment()),
                Integer.MAX_VALUE - 1000);
    }
}
