package org.investflow.tracking.pipeline.persistence.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.MongoNamespace;
import com.mongodb.client.model.RenameCollectionOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.messaging.CloudEventCodec;
import org.investflow.platform.messaging.IncomingEvent;
import org.investflow.platform.scheduling.SchedulerLease;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.tracking.pipeline.PipelineCase;
import org.investflow.tracking.pipeline.ReadModelReplay;
import org.investflow.tracking.pipeline.RebuildReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexResolver;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Rebuilds the pipeline read model from the topics: replays them from the beginning with a consumer of its
 * own into memory, writes the cases into a fresh collection (with the model's indexes), catches up on what
 * arrived meanwhile, renames the fresh collection over {@code pipeline_cases} (the old one is dropped in the
 * same step), then catches up once more on the live collection, so events the live listeners applied to the
 * old collection during the swap are not lost (applying an event twice changes nothing: the inbox). One
 * rebuild at a time across instances (a lease). Its duration is logged and recorded in the timer
 * {@code investflow.pipeline.rebuild.duration}.
 * <p>
 * Entry point: {@code POST /api/pipeline/rebuild} as an admin (the benchmarks use it too), answering the
 * {@link RebuildReport}.
 */
public class PipelineRebuild {

    static final String LIVE = "pipeline_cases";
    private static final Logger log = LoggerFactory.getLogger(PipelineRebuild.class);
    private static final int BATCH = 1000;

    private final ReactiveMongoTemplate mongo;
    private final CloudEventCodec codec;
    private final Map<String, Object> consumerProperties;
    private final List<EventCatalog> catalogs;
    private final SchedulerLease lease;
    private final Timer timer;

    public PipelineRebuild(ReactiveMongoTemplate mongo, CloudEventCodec codec, Map<String, Object> consumerProperties,
                           List<EventCatalog> catalogs, SchedulerLease lease, MeterRegistry meters) {
        this.mongo = mongo;
        this.codec = codec;
        this.consumerProperties = Map.copyOf(consumerProperties);
        this.catalogs = List.copyOf(catalogs);
        this.lease = lease;
        this.timer = Timer.builder("investflow.pipeline.rebuild.duration")
                .description("time to rebuild the pipeline read model from the topics and swap it in").register(meters);
    }

    /** Rebuilds and swaps in the read model; refused (409) while another rebuild runs. */
    public Mono<RebuildReport> run() {
        return lease.runExclusively("pipeline-rebuild", Duration.ofHours(2), Mono.defer(this::rebuild))
                .switchIfEmpty(Mono.error(() -> new RuleViolationException("a rebuild of the pipeline read model is running")));
    }

    private Mono<RebuildReport> rebuild() {
        long started = System.nanoTime();
        String fresh = LIVE + "_rebuild_" + UUID.randomUUID().toString().substring(0, 8);
        return Mono.usingWhen(Mono.fromCallable(() -> new TopicReplay(consumerProperties, codec, catalogs))
                        .subscribeOn(Schedulers.boundedElastic()),
                replay -> replayInto(replay, fresh, started),
                replay -> Mono.fromRunnable(replay::close).subscribeOn(Schedulers.boundedElastic()));
    }

    private Mono<RebuildReport> replayInto(TopicReplay replay, String fresh, long started) {
        ReadModelReplay model = new ReadModelReplay();
        return Mono.fromCallable(() -> replay.readToEnd(event -> model.apply(event.id(), event.caseId(), event.data()))).subscribeOn(Schedulers.boundedElastic())
                .flatMap(read -> write(model, fresh).then(catchUp(replay, fresh)).map(more -> read + more))
                .flatMap(read -> swap(fresh).then(catchUp(replay, LIVE)).map(more -> read + more))
                .map(read -> report(read, model, replay, started));
    }

    private Mono<Void> write(ReadModelReplay model, String fresh) {
        Mono<Void> indexes = Flux.fromIterable(IndexResolver.create(mongo.getConverter().getMappingContext())
                        .resolveIndexFor(PipelineCase.class))
                .concatMap(index -> mongo.indexOps(fresh).createIndex(index)).then();
        return mongo.createCollection(fresh).then(indexes)
                .thenMany(Flux.fromIterable(model.cases()).buffer(BATCH).concatMap(batch -> mongo.insert(batch, fresh)))
                .then();
    }

    /** Reads what arrived since the last pass and applies it, event by event, to the stored cases of {@code collection}. */
    private Mono<Long> catchUp(TopicReplay replay, String collection) {
        List<IncomingEvent> arrived = new ArrayList<>();
        return Mono.fromCallable(() -> replay.readToEnd(arrived::add)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(read -> Flux.fromIterable(arrived).concatMap(event -> applyStored(event, collection)).then(Mono.just(read)));
    }

    private Mono<Void> applyStored(IncomingEvent event, String collection) {
        return mongo.findById(event.caseId(), PipelineCase.class, collection)
                .switchIfEmpty(Mono.fromSupplier(() -> ReadModelReplay.open(event.caseId())))
                .filter(stored -> ReadModelReplay.applyTo(stored, event.id(), event.data()))
                .flatMap(changed -> mongo.save(changed, collection))
                .retryWhen(Retry.backoff(5, Duration.ofMillis(20))
                        .filter(error -> error instanceof OptimisticLockingFailureException || error instanceof DuplicateKeyException))
                .then();
    }

    /** Renames the fresh collection over the live one, dropping the old in the same step. */
    private Mono<Void> swap(String fresh) {
        return mongo.getMongoDatabase().flatMap(database -> Mono.from(database.getCollection(fresh)
                .renameCollection(new MongoNamespace(database.getName(), LIVE), new RenameCollectionOptions().dropTarget(true))))
                .then();
    }

    private RebuildReport report(long read, ReadModelReplay model, TopicReplay replay, long started) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        timer.record(took);
        log.info("pipeline read model rebuilt from {} records: {} cases in {} ms ({} records skipped)", read,
                model.cases().size(), took.toMillis(), replay.skipped());
        return new RebuildReport(read, model.applied(), model.cases().size(), replay.skipped(), took);
    }
}
