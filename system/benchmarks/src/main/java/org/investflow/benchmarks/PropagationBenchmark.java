package org.investflow.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.micrometer.core.instrument.MeterRegistry;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.investflow.devstack.Service;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.platform.messaging.InboundEvents;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event propagation lag: intentions are submitted at a steady, light rate; each one's
 * {@code intention-submitted} event carries its time, which the pipeline read model keeps as
 * {@code enteredAt.INTENTION}; a watcher reads the read model every millisecond while a case is awaited and
 * records, per case, the time it first saw the case minus that event time. It includes the rest of intake's
 * submission after the event's time was taken (its database commands, the commit), intake's outbox relay, Kafka,
 * and project-tracking's consumption and writes.
 * <p>
 * The split: a consumer of intake's topic in this JVM reads each {@code intention-submitted} record as it arrives;
 * its timestamp (the relay's producer set it when it sent the record) divides the lag into <em>event time → published</em>
 * (the submission's own work and the relay) and <em>published → visible</em> (Kafka, the projector, its writes), the
 * part to hold beside Kafka's own round trip. A case is awaited from the moment either its record or intake's answer
 * arrives, whichever is first, so the answer's own latency does not delay the watch.
 */
final class PropagationBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long WATCH_INTERVAL_MS = 1;
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(30);
    /** project-tracking's consumer group of the pipeline read model. */
    private static final String PIPELINE_GROUP = "project-tracking-pipeline";

    private final Rig rig;
    private final BenchmarkPlan plan;

    PropagationBenchmark(Rig rig, BenchmarkPlan plan) {
        this.rig = rig;
        this.plan = plan;
    }

    /** The lags recorded so far: from the event's time and from its record's publication, to visible. */
    private record Lags(Histogram fromEventTime, Histogram fromPublished, Histogram eventTimeToPublished,
                        Map<String, Long> publishedAt, Set<String> timed) {

        Lags() {
            this(new Histogram(3), new Histogram(3), new Histogram(3), new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet());
        }
    }

    void measure(Report report) {
        Set<String> pending = ConcurrentHashMap.newKeySet();
        Lags lags = new Lags();
        AtomicLong failed = new AtomicLong();
        TimerWindow delay = projectorTimer(InboundEvents.BATCH_DELAY);
        TimerWindow handling = projectorTimer(InboundEvents.BATCH_HANDLING);
        DatabaseCommands.Window commands = rig.databaseCommands().window();
        CpuTime cpuAtStart = CpuTime.now();
        long compilerCpuAtStart = Machine.compilerCpuMillis();
        long started = System.nanoTime();
        try (MongoClient client = MongoClients.create("mongodb://" + rig.mongoAddress());
             PublishedRecords published = PublishedRecords.start(rig.bootstrapServers(), lags.publishedAt(), pending)) {
            MongoCollection<Document> cases = client.getDatabase(Service.PROJECT_TRACKING.database()).getCollection("pipeline_cases");
            CompletableFuture<Void> submitted = submit(pending, failed);
            long deadline = System.nanoTime() + Duration.ofSeconds(plan.propagationCases() / plan.propagationRate()).plus(SETTLE_LIMIT).toNanos();
            watch(cases, pending, lags, () -> submitted.isDone() && pending.isEmpty() || System.nanoTime() > deadline);
            submitted.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report.figure("investflow.propagation.cpuUtilisation", CpuTime.now().secondsSince(cpuAtStart) / (seconds * Runtime.getRuntime().availableProcessors()),
                "share of the cores the rig used during the phase (this JVM, broker, issuer)");
        report.figure("investflow.propagation.jitCpuMs", Machine.compilerCpuMillis() - compilerCpuAtStart,
                "ms of CPU the JIT compiler threads used during the phase's " + Math.round(seconds) + " s");
        report.figure("investflow.propagation.p50Ms", (double) lags.fromEventTime().getValueAtPercentile(50),
                "ms event time → visible in the pipeline read model (watched every " + WATCH_INTERVAL_MS + " ms)");
        report.figure("investflow.propagation.p99Ms", (double) lags.fromEventTime().getValueAtPercentile(99), "ms");
        report.figure("investflow.propagation.maxMs", (double) lags.fromEventTime().getMaxValue(), "ms");
        report.figure("investflow.propagation.toPublishedP50Ms", (double) lags.eventTimeToPublished().getValueAtPercentile(50),
                "ms event time → its record's timestamp (the submission's remaining work, the commit, the relay)");
        report.figure("investflow.propagation.toPublishedP99Ms", (double) lags.eventTimeToPublished().getValueAtPercentile(99), "ms");
        report.figure("investflow.propagation.fromPublishedP50Ms", (double) lags.fromPublished().getValueAtPercentile(50),
                "ms record's timestamp → visible (Kafka, the projector's poll, its reads and writes)");
        report.figure("investflow.propagation.fromPublishedP99Ms", (double) lags.fromPublished().getValueAtPercentile(99), "ms");
        projector(report, "Delay", delay.close(),
                "ms record's timestamp → its batch handed to the read model's projector (Kafka, the consumer's poll), all records of the phase");
        projector(report, "Handling", handling.close(),
                "ms projector's batch handed over → its reads and writes done (decode, cases read, note, cases and tallies written)");
        DatabaseCommands.Moved projectTracking = commands.of(Service.PROJECT_TRACKING.database(), Integer.MAX_VALUE);
        report.figure("investflow.propagation.projectTrackingCommands", projectTracking.count(),
                "commands of project-tracking in the phase, each with the server's mean time and its thread's mean CPU time: " + projectTracking.described());
        report.figure("investflow.propagation.cases", lags.fromEventTime().getTotalCount(),
                "timed of " + plan.propagationCases() + ", submitted at " + plan.propagationRate() + "/s; "
                        + lags.fromPublished().getTotalCount() + " of them with their record seen");
        report.figure("investflow.propagation.failed", failed.get(), "submissions intake refused");
    }

    /** A timer of project-tracking's read-model consumer group, from this phase's start. */
    private TimerWindow projectorTimer(String name) {
        MeterRegistry meters = rig.meters(Service.PROJECT_TRACKING);
        return TimerWindow.open(() -> meters.find(name).tag("group", PIPELINE_GROUP).timer());
    }

    private static void projector(Report report, String what, TimerWindow.Recorded recorded, String meaning) {
        report.figure("investflow.propagation.projector" + what + "P50Ms", recorded.percentileMs(50), meaning + "; bucket upper bound");
        report.figure("investflow.propagation.projector" + what + "P99Ms", recorded.percentileMs(99), "ms");
        report.figure("investflow.propagation.projector" + what + "MeanMs", recorded.meanMs(), "ms over " + recorded.count());
    }

    /** Submits the intentions at the planned rate; completes when every one was answered. */
    private CompletableFuture<Void> submit(Set<String> pending, AtomicLong failed) {
        HttpClient http = HttpClient.newHttpClient();
        URI intake = rig.services().get(Service.INTAKE).resolve("/api/intentions");
        String token = rig.token("investor-us-1");
        String run = Submissions.newRun();
        return Flux.interval(Duration.ofMillis(1000 / plan.propagationRate()))
                .take(plan.propagationCases())
                .flatMap(i -> Mono.fromFuture(http.sendAsync(HttpRequest.newBuilder(intake)
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", "lag-" + run + "-" + i)
                        .POST(HttpRequest.BodyPublishers.ofString(Submissions.body(run, i.intValue()))).build(), HttpResponse.BodyHandlers.ofString())))
                .doOnNext(response -> accept(response, pending, failed))
                .then()
                .toFuture();
    }

    private static void accept(HttpResponse<String> response, Set<String> pending, AtomicLong failed) {
        if (response.statusCode() / 100 == 2) {
            pending.add(JSON.readTree(response.body()).path("caseId").asText());
        } else {
            failed.incrementAndGet();
        }
    }

    private static void watch(MongoCollection<Document> cases, Set<String> pending, Lags lags,
                              java.util.function.BooleanSupplier done) {
        while (!done.getAsBoolean()) {
            List<String> waiting = List.copyOf(pending);
            if (!waiting.isEmpty()) {
                long now = System.currentTimeMillis();
                Flux.from(cases.find(Filters.in("_id", waiting)).projection(Projections.include("enteredAt")))
                        .doOnNext(found -> {
                            String caseId = found.getString("_id");
                            pending.remove(caseId);
                            if (!lags.timed().add(caseId)) {
                                return; // awaited again by intake's late answer: timed already
                            }
                            long eventTime = found.get("enteredAt", Document.class).getDate("INTENTION").getTime();
                            lags.fromEventTime().recordValue(Math.max(0, now - eventTime));
                            Long publishedAt = lags.publishedAt().get(caseId);
                            if (publishedAt != null) {
                                lags.fromPublished().recordValue(Math.max(0, now - publishedAt));
                                lags.eventTimeToPublished().recordValue(Math.max(0, publishedAt - eventTime));
                            }
                        })
                        .blockLast(Duration.ofSeconds(10));
            }
            IntakeBenchmark.sleep(WATCH_INTERVAL_MS);
        }
    }

    /** A consumer of intake's topic noting when each {@code intention-submitted} record was published, by case. */
    private static final class PublishedRecords implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread poller;
        private volatile boolean running = true;

        private PublishedRecords(KafkaConsumer<String, byte[]> consumer, Map<String, Long> publishedAt, Set<String> pending) {
            this.consumer = consumer;
            this.poller = new Thread(() -> {
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        Header type = record.headers().lastHeader("ce_type");
                        if (type != null && IntakeEvents.INTENTION_SUBMITTED.equals(new String(type.value(), StandardCharsets.UTF_8))
                                && publishedAt.putIfAbsent(record.key(), record.timestamp()) == null) {
                            pending.add(record.key());
                        }
                    }
                }
            }, "propagation-published");
            poller.setDaemon(true);
            poller.start();
        }

        /** Reads from the end of every partition of intake's topic, positioned before it returns. */
        static PublishedRecords start(String bootstrap, Map<String, Long> publishedAt, Set<String> pending) {
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
            List<TopicPartition> partitions = consumer.partitionsFor(IntakeEvents.TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            return new PublishedRecords(consumer, publishedAt, pending);
        }

        @Override
        public void close() {
            running = false;
            try {
                poller.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
