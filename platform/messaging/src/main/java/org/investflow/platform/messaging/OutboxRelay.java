package org.investflow.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.OutboxMessage;
import org.investflow.platform.messaging.OutboxSignals.PendingDocument;
import org.investflow.platform.scheduling.PeriodicTask;
import org.investflow.platform.scheduling.SchedulerLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes the events waiting in aggregate documents, in their order, then removes them from their
 * document and increments the document's version, so that a concurrent save of an older copy fails
 * its optimistic lock (and is retried by {@link ConcurrentChanges}) instead of re-adding a published
 * event. A failed send leaves that event and those after it where they are for the next pass, so an
 * event is never lost; a crash between send and removal publishes it again, which idempotent
 * consumers absorb.
 *
 * <p>A save through an {@link AggregateStore} wakes the relay for that document ({@link OutboxSignals}) with the outbox
 * it saved: those events are sent at once, without reading the document back, all of them before awaiting any
 * acknowledgement (the idempotent producer keeps them in order on their partition), and removed with one update when
 * all are acknowledged. A saved outbox can still hold events an earlier pass of this relay published (a second save
 * before that pass removed them): the relay remembers the events it published for {@link #REMEMBERED} and sends those
 * again only if forgotten (a duplicate the consumers' inboxes absorb), but removes them all.
 * Signals for one document are handled one after the other (documents are spread over a few lanes
 * by id), and the sweep skips a document a wake-up is publishing, so within one relay a document is
 * never published twice at once. The periodic sweep
 * ({@code investflow.messaging.relay-interval}) remains for what no signal announced: events left by
 * a crash, by a failed send, or saved by another instance. The sweep runs under the
 * {@value #SWEEP_LEASE} {@link SchedulerLease}, so of several instances of a service one sweeps at a time (and,
 * scheduled, one per interval), and two sweeps never publish the same document at once; a crashed sweeper's lease lapses after
 * {@link #SWEEP_LEASE_TIME}. An event can still go out twice, with the same id and payload (a crash between send
 * and removal, or a sweep racing another instance's wake-up), which the consumers' inboxes absorb.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final int LANES = 8;
    /** The lease a sweep holds in the service's {@code scheduler_locks}. */
    public static final String SWEEP_LEASE = "outbox-relay-sweep";
    /**
     * The sparse index the sweep's query uses on every collection it drains: only documents with a pending event have
     * an {@code outbox.eventId}, so on MongoDB the sweep reads the index's few entries instead of every document ever
     * saved. (The MongoDB-wire server keeps the index but scans; it serves only unique indexes.)
     */
    public static final String PENDING_INDEX = "outbox_pending";
    static final String PENDING_FIELD = "outbox.eventId";
    /** How long a sweeper that died keeps the others from sweeping. */
    static final Duration SWEEP_LEASE_TIME = Duration.ofSeconds(15);
    /** How long the relay remembers an event it published, so that a later save's signal does not send it again. */
    static final Duration REMEMBERED = Duration.ofMinutes(5);
    private static final int REMEMBERED_EVENTS = 20_000;

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final CloudEventCodec codec;
    private final AggregateStores stores;
    private final OutboxSignals signals;
    private final Duration interval;
    private final Counter published;
    private final Counter failures;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final DeclaredIndex pendingIndex;
    private final Cache<String, Boolean> sent = Caffeine.newBuilder().maximumSize(REMEMBERED_EVENTS)
            .expireAfterWrite(REMEMBERED).build();
    private volatile Disposable listening;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, CloudEventCodec codec,
                       AggregateStores stores, OutboxSignals signals, MessagingProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.pendingIndex = new DeclaredIndex(mongo, new Index().on(PENDING_FIELD, Sort.Direction.ASC).sparse().named(PENDING_INDEX));
        this.kafka = kafka;
        this.codec = codec;
        this.stores = stores;
        this.signals = signals;
        this.interval = properties.relayInterval();
        this.published = meters.counter("investflow.outbox.published");
        this.failures = meters.counter("investflow.outbox.failures");
    }

    /** One pass over the collection of every aggregate type; completes when all it found was published. */
    public Mono<Void> drain() {
        return Flux.defer(() -> Flux.fromIterable(stores.collections())).concatMap(this::drain).then();
    }

    private Mono<Void> drain(String collection) {
        Query pending = Query.query(Criteria.where(PENDING_FIELD).exists(true)).limit(BATCH);
        pending.fields().include("_id");
        return pendingIndex.on(collection).thenMany(mongo.find(pending, Document.class, collection))
                .concatMap(document -> publish(new PendingDocument(collection, document.get("_id"))))
                .then();
    }


    /**
     * Publishes what the document holds now, unless this relay is already publishing it: the sweep and a
     * wake-up never send the same events twice. A sweep reads the document only once the relay holds it,
     * so what it sends is never a copy read before another pass removed those events; a wake-up sends the
     * outbox its save wrote, less what this relay remembers publishing. A document skipped because it was
     * busy keeps its events for the pass that holds it, or for the next sweep.
     */
    private Mono<Void> publish(PendingDocument pending) {
        String key = pending.collection() + "/" + pending.id();
        return Mono.defer(() -> inFlight.add(key)
                ? outboxOf(pending)
                        .flatMap(outbox -> publish(pending.collection(), pending.id(), outbox))
                        // released before the next pass of the lane starts (doFinally would run after it)
                        .doOnTerminate(() -> inFlight.remove(key))
                        .doOnCancel(() -> inFlight.remove(key))
                : Mono.empty())
                .onErrorResume(error -> {
                    failures.increment();
                    log.warn("outbox of {} {} left for the sweep: {}", pending.collection(), pending.id(), error.toString());
                    return Mono.empty();
                });
    }

    private Mono<List<OutboxMessage>> outboxOf(PendingDocument pending) {
        if (pending.outbox() != null) {
            return Mono.just(pending.outbox());
        }
        return mongo.findById(pending.id(), Document.class, pending.collection())
                .map(document -> document.getList("outbox", Document.class, List.of()).stream()
                        .map(entry -> mongo.getConverter().read(OutboxMessage.class, entry))
                        .toList());
    }

    /** Sends the events of {@code outbox} this relay has not published yet, then removes all of them from the document. */
    private Mono<Void> publish(String collection, Object id, List<OutboxMessage> outbox) {
        if (outbox.isEmpty()) {
            return Mono.empty();
        }
        Map<Boolean, List<OutboxMessage>> bySent = outbox.stream()
                .collect(Collectors.partitioningBy(message -> sent.getIfPresent(message.eventId()) != null));
        List<OutboxMessage> unsent = bySent.get(false);
        return Mono.defer(() -> awaitAll(unsent.stream().map(this::send).toList()))
                .flatMap(acknowledged -> remove(collection, id,
                        Stream.concat(bySent.get(true).stream(), unsent.subList(0, acknowledged).stream()).toList())
                        .then(acknowledged < unsent.size() ? Mono.error(new IllegalStateException(
                                "sent " + acknowledged + " of " + unsent.size() + " events of " + id))
                                : Mono.empty()));
    }

    private CompletableFuture<SendResult<String, byte[]>> send(OutboxMessage message) {
        return kafka.send(codec.toRecord(message)).whenComplete((result, error) -> {
            if (error == null) {
                sent.put(message.eventId(), Boolean.TRUE);
                published.increment();
            }
        });
    }

    /** How many of {@code sends}, counted from the first, were acknowledged, once all have completed. */
    private static Mono<Integer> awaitAll(List<CompletableFuture<SendResult<String, byte[]>>> sends) {
        CompletableFuture<?> all = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        return Mono.fromFuture(all.handle((done, error) -> {
            int acknowledged = 0;
            while (acknowledged < sends.size() && !sends.get(acknowledged).isCompletedExceptionally()) {
                acknowledged++;
            }
            return acknowledged;
        }));
    }

    private Mono<Void> remove(String collection, Object id, List<OutboxMessage> sent) {
        if (sent.isEmpty()) {
            return Mono.empty();
        }
        List<String> eventIds = sent.stream().map(OutboxMessage::eventId).toList();
        Update update = new Update().pull("outbox", new Document("eventId", new Document("$in", eventIds)))
                .inc(AggregateRoot.VERSION_FIELD, 1);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, collection).then();
    }

    /** One pass of {@link #drain()} if this instance can take the sweep lease; else nothing (another one sweeps). */
    public Mono<Void> sweep(SchedulerLease lease) {
        return lease.runExclusively(SWEEP_LEASE, SWEEP_LEASE_TIME, drain());
    }

    /**
     * The sweep as a task of the running application: started after the listeners and web server, stopped before.
     * Of all the instances that schedule it, one sweeps per interval ({@link SchedulerLease#runOncePer}).
     */
    public PeriodicTask schedule(SchedulerLease lease) {
        return new PeriodicTask("outbox relay", interval,
                () -> lease.runOncePer(interval, SWEEP_LEASE, SWEEP_LEASE_TIME, drain()).doOnError(error -> failures.increment()),
                Integer.MAX_VALUE - 1000);
    }

    /** Starts publishing the documents saves signal, one at a time per lane. */
    @Override
    public void start() {
        listening = signals.pending()
                .groupBy(signalled -> Math.floorMod(signalled.id().hashCode(), LANES))
                .flatMap(lane -> lane.concatMap(this::publish), LANES)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = listening;
        if (current != null) {
            current.dispose();
        }
        listening = null;
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
