package org.investflow.tracking.pipeline.persistence.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.messaging.CloudEventCodec;
import org.investflow.platform.messaging.IncomingEvent;
import org.investflow.platform.scheduling.SchedulerLease;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.tracking.pipeline.CaseTallies;
import org.investflow.tracking.pipeline.PipelineCase;
import org.investflow.tracking.pipeline.PipelineProjection;
import org.investflow.tracking.pipeline.ReadModelReplay;
import org.investflow.tracking.pipeline.RebuildReport;
import org.investflow.tracking.pipeline.TallyIncrements;
import org.investflow.tracking.pipeline.persistence.CaseDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexResolver;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Rebuilds the pipeline read model from the topics: replays them from the beginning with a consumer of its
 * own into memory, writes the cases into a fresh collection (with the model's indexes) and the tallies they
 * count (recomputed from the cases) into another, catches up on what arrived meanwhile (through the same
 * {@link PipelineProjection} as the live events), renames the fresh collections over {@code pipeline_cases}
 * and {@code pipeline_tallies} (the old ones are dropped in the same step), then catches up once more on the
 * live collections, so events the live listener applied to the old ones during the swap are not lost
 * (applying an event twice changes nothing: the inbox). One
 * rebuild at a time across instances (a lease). Its duration is logged and recorded in the timer
 * {@code investflow.pipeline.rebuild.duration}.
 * <p>
 * Entry point: {@code POST /api/pipeline/rebuild} as an admin (the benchmarks use it too), answering the
 * {@link RebuildReport}.
 */
public class PipelineRebuild {

    static final String LIVE = CaseDocuments.CASES;
    static final String LIVE_TALLIES = CaseDocuments.TALLIES;
    /** Events per catch-up batch, as many as a live batch. */
    private static final int CATCH_UP_BATCH = 2000;
    private static final Logger log = LoggerFactory.getLogger(PipelineRebuild.class);
    private static final int BATCH = 1000;

    private final ReactiveMongoTemplate mongo;
    private final CaseDocuments documents;
    private final PipelineProjection projection;
    private final CaseTallies tallies;
    private final CloudEventCodec codec;
    private final Map<String, Object> consumerProperties;
    private final List<EventCatalog> catalogs;
    private final SchedulerLease lease;
    private final Timer timer;

    public PipelineRebuild(ReactiveMongoTemplate mongo, CaseDocuments documents, PipelineProjection projection, CaseTallies tallies,
                           CloudEventCodec codec, Map<String, Object> consumerProperties, List<EventCatalog> catalogs,
                           SchedulerLease lease, MeterRegistry meters) {
        this.mongo = mongo;
        this.documents = documents;
        this.projection = projection;
        this.tallies = tallies;
        this.codec = codec;
        this.consumerProperties = Map.copyOf(consumerProperties);
        this.catalogs = List.copyOf(catalogs);
        this.lease = lease;
        this.timer = Timer.builder("investflow.pipeline.rebuild.duration")
                .description("time to rebuild the pipeline read model from the topics and swap it in").register(meters);
    }

    /** Rebuilds and swaps in the read model; refused (409) while another rebuild runs. */
    public Mono<RebuildReport> run() {
        return lease.runExclusively("pipeline-rebuild", Duration.ofMinutes(1), Mono.defer(this::rebuild))
                .switchIfEmpty(Mono.error(() -> new RuleViolationException("a rebuild of the pipeline read model is running")));
    }

    private Mono<RebuildReport> rebuild() {
        long started = System.nanoTime();
        String fresh = "_rebuild_" + UUID.randomUUID().toString().substring(0, 8);
        return Mono.usingWhen(Mono.fromCallable(() -> new TopicReplay(consumerProperties, codec, catalogs))
                        .subscribeOn(Schedulers.boundedElastic()),
                replay -> replayInto(replay, fresh, started),
                replay -> Mono.fromRunnable(replay::close).subscribeOn(Schedulers.boundedElastic()));
    }

    private Mono<RebuildReport> replayInto(TopicReplay replay, String fresh, long started) {
        ReadModelReplay model = new ReadModelReplay();
        return Mono.fromCallable(() -> replay.readToEnd(event -> model.apply(event.id(), event.caseId(), event.data()))).subscribeOn(Schedulers.boundedElastic())
                .flatMap(read -> write(model, fresh).then(catchUp(replay, LIVE + fresh, LIVE_TALLIES + fresh)).map(more -> read + more))
                // no live batch between the swap and the last catch-up: one that read the dropped collection would write
                // its stale cases over the rebuilt ones
                .flatMap(read -> projection.exclusively(() -> swap(fresh).then(catchUp(replay, LIVE, LIVE_TALLIES)))
                        .map(more -> read + more))
                .map(read -> report(read, model, replay, started));
    }

    private Mono<Void> write(ReadModelReplay model, String fresh) {
        String cases = LIVE + fresh;
        Mono<Void> indexes = Flux.fromIterable(IndexResolver.create(mongo.getConverter().getMappingContext())
                        .resolveIndexFor(PipelineCase.class))
                .concatMap(index -> mongo.indexOps(cases).createIndex(index)).then();
        Map<String, TallyIncrements> counted = tallies.ofAll(model.cases());
        return mongo.createCollection(cases).then(indexes)
                .thenMany(Flux.fromIterable(model.cases()).buffer(BATCH).concatMap(batch -> mongo.insert(batch, cases)))
                .then(documents.insertTallies(LIVE_TALLIES + fresh, counted));
    }

    /** Reads what arrived since the last pass and applies it, in batches, to the stored cases and tallies. */
    private Mono<Long> catchUp(TopicReplay replay, String cases, String counted) {
        List<IncomingEvent> arrived = new ArrayList<>();
        return Mono.fromCallable(() -> replay.readToEnd(arrived::add)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(read -> Flux.fromIterable(arrived).buffer(CATCH_UP_BATCH)
                        .concatMap(batch -> projection.projectHeld(batch, cases, counted)).then(Mono.just(read)));
    }

    /** Renames the fresh collections over the live ones, dropping the old in the same step. */
    private Mono<Void> swap(String fresh) {
        return documents.rename(LIVE + fresh, LIVE).then(documents.rename(LIVE_TALLIES + fresh, LIVE_TALLIES));
    }

    private RebuildReport report(long read, ReadModelReplay model, TopicReplay replay, long started) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        timer.record(took);
        log.info("pipeline read model rebuilt from {} records: {} cases in {} ms ({} records skipped)", read,
                model.cases().size(), took.toMillis(), replay.skipped());
        return new RebuildReport(read, model.applied(), model.cases().size(), replay.skipped(), took);
    }
}
