package org.investflow.platform.messaging;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.PublishesNothing;
import org.investflow.platform.events.EventCatalog;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * Makes the {@link AggregateStore}s of a service and knows their collections: the outbox relay
 * drains, and the audit trail reads, exactly the collections of the aggregate types stored through
 * here, together with every mapped {@code @Document} type that extends {@link AggregateRoot}. No
 * list of collections is configured, so none can be left out. A mapped type marked {@link PublishesNothing} (a read
 * model that keeps an inbox) is not drained unless it is stored through here.
 */
public class AggregateStores {

    private final ReactiveMongoTemplate mongo;
    private final OutboxMessages outbox;
    private final OutboxSignals signals;
    private final Set<Class<? extends AggregateRoot>> registered = ConcurrentHashMap.newKeySet();

    /** Stores whose saves wake nobody: the relay finds their events at its sweep. */
    public AggregateStores(ReactiveMongoTemplate mongo, OutboxMessages outbox) {
        this(mongo, outbox, new OutboxSignals());
    }

    /** Stores whose saves of pending events raise {@code signals}, which the outbox relay listens to. */
    public AggregateStores(ReactiveMongoTemplate mongo, OutboxMessages outbox, OutboxSignals signals) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.signals = signals;
    }

    /** The store of {@code type}, whose commands' events are messages of {@code catalog}. */
    public <A extends AggregateRoot> AggregateStore<A> of(Class<A> type, EventCatalog catalog) {
        return of(type, catalog, aggregate -> { });
    }

    /** As {@link #of(Class, EventCatalog)}, running {@code beforeSave} on the aggregate before each save. */
    public <A extends AggregateRoot> AggregateStore<A> of(Class<A> type, EventCatalog catalog, Consumer<A> beforeSave) {
        registered.add(type);
        return new AggregateStore<>(mongo, outbox, type, catalog, beforeSave, (aggregate, events) -> { }, signals);
    }

    /** The collections that hold aggregates with outboxes, in name order: what the outbox relay drains. */
    public List<String> collections() {
        Set<String> names = new TreeSet<>();
        registered.forEach(type -> names.add(mongo.getCollectionName(type)));
        mappedAggregates(mongo).filter(entity -> !entity.getType().isAnnotationPresent(PublishesNothing.class))
                .forEach(entity -> names.add(entity.getCollection()));
        return List.copyOf(names);
    }

    /** The collections of every mapped entity that is an aggregate. */
    public static Set<String> mappedAggregateCollections(ReactiveMongoTemplate mongo) {
        return mappedAggregates(mongo).map(MongoPersistentEntity::getCollection).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Stream<? extends MongoPersistentEntity<?>> mappedAggregates(ReactiveMongoTemplate mongo) {
        return mongo.getConverter().getMappingContext().getPersistentEntities().stream()
                .filter(entity -> AggregateRoot.class.isAssignableFrom(entity.getType()));
    }
}
