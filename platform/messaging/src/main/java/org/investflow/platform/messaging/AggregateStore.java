package org.investflow.platform.messaging;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.events.CaseEvent;
import org.investflow.platform.events.EventCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/**
 * Loads and stores the aggregates of one type together with the events their commands return: a
 * save queues the events in the aggregate's outbox (as messages of the service's catalogue) and
 * writes state, outbox, inbox and history in one document write guarded by the aggregate's version.
 * A change that loses that optimistic race (to another command, or to the outbox relay removing a
 * published event) runs again on the fresh document. Made by {@link AggregateStores#of}; the
 * aggregate's collection is drained by the outbox relay because it was made that way.
 * <p>
 * A versioned save filters on {@code {_id, version}}. MongoDB serves that from the {@code _id} index, but a
 * store that uses an index only when a query's fields equal the index's fields (the MongoDB-wire server
 * of the local stack and the tests) would scan the collection for every save; so the store declares the
 * unique index {@value #VERSION_INDEX} on exactly those fields, before its first save.
 *
 * @param <A> the aggregate type
 */
public final class AggregateStore<A extends AggregateRoot> {

    /** Name of the unique index on {@code {_id, version}} every aggregate collection gets. */
    public static final String VERSION_INDEX = "_id_version";

    private static final Logger LOG = LoggerFactory.getLogger(AggregateStore.class);

    /** A new aggregate and the events its creation caused. */
    public record Creation<A>(A aggregate, List<? extends CaseEvent> events) {
    }

    private final ReactiveMongoTemplate mongo;
    private final OutboxMessages outbox;
    private final Class<A> type;
    private final EventCatalog catalog;
    private final Consumer<A> beforeSave;
    private final BiConsumer<? super A, List<? extends CaseEvent>> afterSave;
    private final OutboxSignals signals;
    private final Mono<Void> versionIndex;

    AggregateStore(ReactiveMongoTemplate mongo, OutboxMessages outbox, Class<A> type, EventCatalog catalog,
                   Consumer<A> beforeSave, BiConsumer<? super A, List<? extends CaseEvent>> afterSave,
                   OutboxSignals signals) {
        this(mongo, outbox, type, catalog, beforeSave, afterSave, signals, versionIndex(mongo, type));
    }

    private AggregateStore(ReactiveMongoTemplate mongo, OutboxMessages outbox, Class<A> type, EventCatalog catalog,
                           Consumer<A> beforeSave, BiConsumer<? super A, List<? extends CaseEvent>> afterSave,
                           OutboxSignals signals, Mono<Void> versionIndex) {
        this.versionIndex = versionIndex;
        this.mongo = mongo;
        this.outbox = outbox;
        this.type = type;
        this.catalog = catalog;
        this.beforeSave = beforeSave;
        this.afterSave = afterSave;
        this.signals = signals;
    }

    /** This store, also telling {@code observer} (metrics) of every stored aggregate and the events stored with it. */
    public AggregateStore<A> afterSave(BiConsumer<? super A, List<? extends CaseEvent>> observer) {
        return new AggregateStore<>(mongo, outbox, type, catalog, beforeSave, observer, signals, versionIndex);
    }

    /**
     * Creates the {@value #VERSION_INDEX} index once, started at once and awaited by every save; a
     * failure is logged and tried again at the next save (saves stay correct meanwhile, only slower).
     */
    private static Mono<Void> versionIndex(ReactiveMongoTemplate mongo, Class<?> type) {
        Index byKeyAndVersion = new Index().on("_id", Sort.Direction.ASC).on(AggregateRoot.VERSION_FIELD, Sort.Direction.ASC)
                .unique().named(VERSION_INDEX);
        Mono<Void> created = DeclaredIndex.once(Mono.defer(() -> mongo.indexOps(type).createIndex(byKeyAndVersion)));
        created.subscribe(done -> { }, failed -> LOG.warn("No {} index on {} yet: {}", VERSION_INDEX, type.getSimpleName(),
                failed.toString()));
        return created.onErrorResume(failed -> Mono.empty());
    }

    /** The MongoDB collection of the aggregate type, from its {@code @Document} mapping. */
    public String collection() {
        return mongo.getCollectionName(type);
    }

    /** The aggregate {@code id}, or empty. */
    public Mono<A> find(String id) {
        return mongo.findById(id, type);
    }

    /** The aggregate {@code id}, or a {@link NotFoundException} naming the type. */
    public Mono<A> load(String id) {
        return find(id).switchIfEmpty(Mono.error(() -> new NotFoundException(type.getSimpleName().toLowerCase(), id)));
    }

    /**
     * Queues {@code events} in the aggregate's outbox and saves it; fails on a lost optimistic race.
     * A saved outbox that is not empty wakes the relay for this document.
     */
    public Mono<A> save(A aggregate, List<? extends CaseEvent> events) {
        beforeSave.accept(aggregate);
        aggregate.enqueue(outbox.of(catalog, events));
        return versionIndex.then(Mono.defer(() -> mongo.save(aggregate))).doOnNext(saved -> {
            afterSave.accept(saved, events);
            wakeRelay(saved);
        });
    }

    private void wakeRelay(A saved) {
        if (!saved.outbox().isEmpty()) {
            Object id = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(saved.getClass())
                    .getIdentifierAccessor(saved).getRequiredIdentifier();
            signals.raise(collection(), id, saved.outbox());
        }
    }

    /** Saves a new aggregate with the events of its creation; fails with {@link DuplicateKeyException} if it exists. */
    public Mono<A> save(Creation<A> creation) {
        return save(creation.aggregate(), creation.events());
    }

    /**
     * Runs {@code command} on the aggregate {@code found} emits and saves it with the events it
     * returned; on a lost optimistic race, {@code found} is read again and the command runs again.
     */
    public Mono<A> change(Mono<A> found, Function<? super A, ? extends List<? extends CaseEvent>> command) {
        return found.flatMap(aggregate -> save(aggregate, command.apply(aggregate)))
                .retryWhen(ConcurrentChanges.retry());
    }

    /** {@link #change(Mono, Function)} of the aggregate {@code id}; a missing one is not found. */
    public Mono<A> change(String id, Function<? super A, ? extends List<? extends CaseEvent>> command) {
        return change(load(id), command);
    }

    /**
     * Runs {@code command} on the aggregate {@code found} emits and saves it only if the command
     * caused events (a scheduled check that found nothing to do writes nothing); emits whether it
     * did, false also when {@code found} is empty.
     */
    public Mono<Boolean> changeIfCaused(Mono<A> found, Function<? super A, ? extends List<? extends CaseEvent>> command) {
        return found.flatMap(aggregate -> {
                    List<? extends CaseEvent> events = command.apply(aggregate);
                    return events.isEmpty() ? Mono.just(false) : save(aggregate, events).thenReturn(true);
                })
                .retryWhen(ConcurrentChanges.retry())
                .defaultIfEmpty(false);
    }

    /** {@link #changeIfCaused(Mono, Function)} of the aggregate {@code id}, if there is one. */
    public Mono<Boolean> changeIfCaused(String id, Function<? super A, ? extends List<? extends CaseEvent>> command) {
        return changeIfCaused(find(id), command);
    }

    /**
     * Creates an aggregate once: nothing happens when {@code exists} emits true, or when a concurrent
     * creation of the same aggregate wins the unique key first (a redelivered or repeated event).
     * {@code create} makes and saves it (usually with {@link #save(Creation)}). Emits whether it created.
     */
    public Mono<Boolean> createOnce(Mono<Boolean> exists, Supplier<Mono<A>> create) {
        return exists.flatMap(present -> present ? Mono.just(false) : create.get().thenReturn(true))
                .onErrorResume(DuplicateKeyException.class, raced -> Mono.just(false));
    }

    /** {@link #createOnce(Mono, Supplier)} of the aggregate {@code id}, made by {@code create}. */
    public Mono<Boolean> createOnce(String id, Supplier<Creation<A>> create) {
        return createOnce(mongo.exists(Query.query(Criteria.where("_id").is(id)), type),
                () -> Mono.fromSupplier(create).flatMap(this::save));
    }
}
