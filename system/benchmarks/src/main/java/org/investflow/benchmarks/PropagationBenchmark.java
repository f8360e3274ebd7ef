package org.investflow.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.HdrHistogram.Histogram;
import org.bson.Document;
import org.investflow.devstack.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event propagation lag: intentions are submitted at a steady, light rate; each one's
 * {@code intention-submitted} event carries its time, which the pipeline read model keeps as
 * {@code enteredAt.INTENTION}; a watcher reads the read model every few milliseconds and records,
 * per case, the time it first saw the case minus that event time. It includes intake's outbox relay,
 * Kafka, and project-tracking's consumption and upsert.
 */
final class PropagationBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long WATCH_INTERVAL_MS = 5;
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(30);

    private final Rig rig;
    private final BenchmarkPlan plan;

    PropagationBenchmark(Rig rig, BenchmarkPlan plan) {
        this.rig = rig;
        this.plan = plan;
    }

    void measure(Report report) {
        Set<String> pending = ConcurrentHashMap.newKeySet();
        Histogram lagMillis = new Histogram(3);
        AtomicLong failed = new AtomicLong();
        try (MongoClient client = MongoClients.create("mongodb://" + rig.mongoAddress())) {
            MongoCollection<Document> cases = client.getDatabase(Service.PROJECT_TRACKING.database()).getCollection("pipeline_cases");
            CompletableFuture<Void> submitted = submit(pending, failed);
            long deadline = System.nanoTime() + Duration.ofSeconds(plan.propagationCases() / plan.propagationRate()).plus(SETTLE_LIMIT).toNanos();
            watch(cases, pending, lagMillis, () -> submitted.isDone() && pending.isEmpty() || System.nanoTime() > deadline);
            submitted.join();
        }
        report.figure("investflow.propagation.p50Ms", (double) lagMillis.getValueAtPercentile(50),
                "ms event time → visible in the pipeline read model (watched every " + WATCH_INTERVAL_MS + " ms)");
        report.figure("investflow.propagation.p99Ms", (double) lagMillis.getValueAtPercentile(99), "ms");
        report.figure("investflow.propagation.maxMs", (double) lagMillis.getMaxValue(), "ms");
        report.figure("investflow.propagation.cases", lagMillis.getTotalCount(),
                "timed of " + plan.propagationCases() + ", submitted at " + plan.propagationRate() + "/s");
        report.figure("investflow.propagation.failed", failed.get(), "submissions intake refused");
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

    private static void watch(MongoCollection<Document> cases, Set<String> pending, Histogram lagMillis,
                              java.util.function.BooleanSupplier done) {
        while (!done.getAsBoolean()) {
            List<String> waiting = List.copyOf(pending);
            if (!waiting.isEmpty()) {
                long now = System.currentTimeMillis();
                Flux.from(cases.find(Filters.in("_id", waiting)).projection(Projections.include("enteredAt")))
                        .doOnNext(found -> {
                            Date eventTime = found.get("enteredAt", Document.class).getDate("INTENTION");
                            lagMillis.recordValue(Math.max(0, now - eventTime.getTime()));
                            pending.remove(found.getString("_id"));
                        })
                        .blockLast(Duration.ofSeconds(10));
            }
            IntakeBenchmark.sleep(WATCH_INTERVAL_MS);
        }
    }
}
