package org.investflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoCollection;
import org.investflow.devstack.Service;
import reactor.core.publisher.Mono;

/**
 * Funnel query latency as the pipeline read model grows: cases shaped exactly like a real one
 * (a LANDED case of the pipeline phase is the template; stage, entry times and inbox vary) are put
 * straight into the database server's storage — loading a million through the wire would eat the
 * time budget — then project-tracking recounts its tallies from the stored cases ({@code POST /api/pipeline/recount},
 * what an upgrade does once; timed apart), {@code GET /api/pipeline/funnel} is timed over HTTP with a leader's token,
 * and its answer is checked against a brute-force recount of the stored cases (every case read through the driver:
 * current and reached counts equal, time-in-stage percentiles within the tallies' stated 1 %).
 * A size whose projected load and query time or memory does not fit what is left is skipped, and
 * says so.
 */
final class FunnelBenchmark {

    private static final String[] SIZE_NAMES = {"small", "medium", "large"};
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int BATCH = 1_000;
    private static final java.util.concurrent.atomic.AtomicLong SYNTHETIC_CASES = new java.util.concurrent.atomic.AtomicLong();
    /** A funnel query that reads tallies answers in milliseconds; this bounds one that would not. */
    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(4);
    /** Unrecorded queries before each size's timed ones: the query path compiled again after the load and the recount. */
    private static final int WARM_UP_QUERIES = 50;
    /** Queries of the largest size sent again under the CPU profile, after the timed ones (kept apart from them). */
    private static final int PROFILED_QUERIES = 100;
    /** Funnel shares of the synthetic cases, by current stage (percent). */
    private static final Map<String, Integer> SHARES = Map.of("INTENTION", 30, "REJECTED", 15, "SCREENED", 15,
            "NEGOTIATING", 15, "AGREED", 10, "CONTRACTED", 7, "LANDED", 6, "OPERATING", 2);
    private static final List<String> FORWARD = List.of("INTENTION", "SCREENED", "NEGOTIATING", "AGREED", "CONTRACTED", "LANDED", "OPERATING");

    private final Rig rig;
    private final BenchmarkPlan plan;

    private final Path profileFile;

    FunnelBenchmark(Rig rig, BenchmarkPlan plan, Path profileFile) {
        this.rig = rig;
        this.plan = plan;
        this.profileFile = profileFile;
    }

    void measure(Report report, long deadline) {
        de.bwaldvogel.mongo.bson.Document template = template();
        MongoCollection<?> cases = rig.backend().resolveDatabase(Service.PROJECT_TRACKING.database())
                .resolveCollection("pipeline_cases", true);
        Projection projection = new Projection();
        for (int i = 0; i < plan.funnelSizes().size(); i++) {
            String prefix = "investflow.funnel." + SIZE_NAMES[i];
            int size = plan.funnelSizes().get(i);
            int queries = plan.funnelQueries().get(i);
            long toAdd = Math.max(0, size - cases.count());
            String refusal = projection.refusal(toAdd, size, queries, deadline);
            if (refusal != null) {
                report.figure(prefix + ".cases", (long) size, "planned");
                report.unavailable(prefix + ".p50Ms", "skipped: " + refusal);
                report.unavailable(prefix + ".maxMs", "skipped");
                continue;
            }
            long usedBefore = Machine.usedHeap();
            long started = System.nanoTime();
            fill(cases, template, toAdd);
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            if (toAdd > BATCH) {
                projection.loaded(toAdd, loadSeconds, Machine.usedHeap() - usedBefore);
            }
            long recountStarted = System.nanoTime();
            long recounted = post("/api/pipeline/recount", deadline);
            double recountSeconds = (System.nanoTime() - recountStarted) / 1e9;
            projection.recounted(size, recountSeconds);
            report.figure(prefix + ".recountSeconds", recountSeconds,
                    "s POST /api/pipeline/recount: tallies recounted from " + recounted + " stored cases (once, after the direct load)");
            HttpLoad.Outcome outcome = timedQueries(report, prefix, queries, deadline, i == plan.funnelSizes().size() - 1);
            if (outcome.ok() == 0) {
                report.figure(prefix + ".cases", (long) cases.count(), "cases in the read model");
                report.unavailable(prefix + ".p50Ms", "no funnel query answered within the time left (at most " + QUERY_TIMEOUT.toSeconds() + " s): " + outcome.statuses());
                report.unavailable(prefix + ".maxMs", "no answer");
                continue;
            }
            projection.queried(outcome.millis(99));
            report.figure(prefix + ".cases", (long) cases.count(), "cases in the read model (" + String.format("%.1f", loadSeconds) + " s to load " + toAdd + ")");
            report.figure(prefix + ".p50Ms", outcome.millis(50), "ms GET /api/pipeline/funnel, " + outcome.ok() + " queries, one at a time");
            report.figure(prefix + ".p99Ms", outcome.millis(99), "ms");
            report.figure(prefix + ".maxMs", outcome.micros().getMaxValue() / 1000.0, "ms");
            long checkStarted = System.nanoTime();
            String mismatch = FunnelRecount.mismatch(rig.mongoAddress(), funnelAnswer());
            projection.checked(size, (System.nanoTime() - checkStarted) / 1e9);
            if (mismatch == null) {
                report.figure(prefix + ".equalsRecount", 1L, "the funnel's answer equals a brute-force recount of the stored cases");
            } else {
                report.unavailable(prefix + ".equalsRecount", "the funnel's answer differs from a brute-force recount: " + mismatch);
            }
        }
        report.fact("investflow.funnel.bytesPerCaseInServer", Math.round(projection.bytesPerCase));
    }

    /**
     * What the next size will cost, from what the last one did: loading and the service's recount and the brute-force
     * check grow with the cases, the queries (tally reads) do not. A size whose projection does not fit the budget or
     * the heap is skipped rather than cut off by a timeout half-way.
     */
    private static final class Projection {
        /**
         * How much more than linearly the per-case work grows with the heap the in-memory store takes: the recount of 1M
         * cases took 1.5 times what 100k projected (153 s against 102 s), and a projection that falls short ends in a timeout.
         */
        private static final double GROWTH = 2;
        private double loadNanosPerCase = 20_000;
        private double recountNanosPerCase = 100_000;
        private double checkNanosPerCase = 100_000;
        private double queryNanos = 50_000_000;
        private double bytesPerCase = 4_000;

        void loaded(long cases, double seconds, long bytes) {
            loadNanosPerCase = seconds * 1e9 / cases;
            bytesPerCase = Math.max(bytesPerCase / 4, (double) bytes / cases);
        }

        void recounted(long cases, double seconds) {
            recountNanosPerCase = seconds * 1e9 / cases;
        }

        void checked(long cases, double seconds) {
            checkNanosPerCase = seconds * 1e9 / cases;
        }

        void queried(double p99Millis) {
            queryNanos = p99Millis * 1e6;
        }

        String refusal(long toAdd, int size, int queries, long deadline) {
            double projectedSeconds = (GROWTH * (toAdd * loadNanosPerCase + size * (recountNanosPerCase + checkNanosPerCase))
                    + (WARM_UP_QUERIES + queries + PROFILED_QUERIES) * queryNanos) / 1e9;
            double leftSeconds = (deadline - System.nanoTime()) / 1e9;
            if (projectedSeconds > leftSeconds) {
                return String.format("projected %.0f s to load %d cases, recount the tallies, query %d times (after a warm-up) and check the answer "
                        + "by a brute-force recount, %.0f s of the budget left", projectedSeconds, toAdd, queries, leftSeconds);
            }
            long projectedBytes = (long) (toAdd * bytesPerCase * 1.3);
            long freeBytes = Runtime.getRuntime().maxMemory() - Machine.usedHeap();
            if (projectedBytes > freeBytes) {
                return String.format("projected %d MB of heap for %d more cases, %d MB free (raise -Xmx)", projectedBytes >> 20, toAdd, freeBytes >> 20);
            }
            return null;
        }
    }

    /**
     * Times the funnel queries of one size, in a steady state: the heap is collected first (as JMH does between
     * iterations), so the garbage the harness's direct load and the recount left is not collected inside the queries;
     * unrecorded queries follow (the load and the recount ran other code through the shared paths since the last size).
     * The collections and the JIT compiler's time that still fall inside the timed queries are reported
     * ({@code gcDuringQueries*}, {@code jitDuringQueriesMs}): the in-memory database holds the cases in this heap, where a
     * real MongoDB holds them in its own process, and the four services compile on the same 2 cores for minutes (the
     * compiler was never idle for a second within 30 s of waiting, measured). The largest size's queries are then sent
     * again under the CPU profile ({@code funnel.cpu.html}), untimed: the JFR recording this was before redefined classes
     * at a safepoint on its start (117 ms measured inside the timed queries when the recording covered them).
     */
    private HttpLoad.Outcome timedQueries(Report report, String prefix, int queries, long deadline, boolean profiled) {
        Machine.usedHeap();
        query(WARM_UP_QUERIES, 0, deadline);
        long started = System.nanoTime();
        long collectionsBefore = Machine.collections();
        long collectionMillisBefore = Machine.collectionMillis();
        long compilerCpuBefore = Machine.compilerCpuMillis();
        HttpLoad.Outcome outcome = query(0, queries, deadline);
        report.figure(prefix + ".gcDuringQueries", Machine.collections() - collectionsBefore,
                "collections of this JVM's heap (services and in-memory database) while the queries ran");
        report.figure(prefix + ".gcDuringQueriesMs", Machine.collectionMillis() - collectionMillisBefore, "ms spent in them");
        report.figure(prefix + ".jitCpuDuringQueriesMs", Machine.compilerCpuMillis() - compilerCpuBefore,
                "ms of CPU the JIT compiler threads used while the queries ran");
        List<DatabaseCommands.Slow> slow = rig.databaseCommands().slowSince(started);
        report.figure(prefix + ".slowDatabaseCommands", (long) slow.size(), "commands that took the database server at least "
                + DatabaseCommands.SLOW_MILLIS + " ms while the queries ran, any service");
        for (int i = 0; i < Math.min(3, slow.size()); i++) {
            report.figure(prefix + ".slowDatabaseCommand" + (i + 1), slow.get(i).millis() + " ms " + slow.get(i).command(), "");
        }
        if (profiled) {
            try (ExecutionProfile profile = ExecutionProfile.start(profileFile)) {
                query(0, PROFILED_QUERIES, deadline);
                profile.stop();
                profile.summarise(report, "profile.funnel", 5);
            }
        }
        return outcome;
    }

    /** Times the funnel query; a query may take what is left of the budget, at most {@link #QUERY_TIMEOUT}. */
    private HttpLoad.Outcome query(int warmup, int queries, long deadline) {
        Duration left = Duration.ofNanos(Math.max(Duration.ofSeconds(10).toNanos(), deadline - System.nanoTime()));
        Duration timeout = left.compareTo(QUERY_TIMEOUT) < 0 ? left : QUERY_TIMEOUT;
        try (HttpLoad load = new HttpLoad(rig.services().get(Service.PROJECT_TRACKING), 1, timeout)) {
            return load.run(warmup, queries, left,
                    n -> new HttpLoad.Call("/api/pipeline/funnel", HttpLoad.json(rig.token("leader-chen")), null));
        }
    }

    /** One funnel answer, as JSON. */
    private String funnelAnswer() {
        return send(HttpRequest.newBuilder(rig.services().get(Service.PROJECT_TRACKING).resolve("/api/pipeline/funnel"))
                .header("Authorization", "Bearer " + rig.token("leader-chen")).timeout(QUERY_TIMEOUT).GET().build());
    }

    /** An admin's POST to project-tracking; answers the {@code cases} it reports. */
    private long post(String path, long deadline) {
        Duration left = Duration.ofNanos(Math.max(Duration.ofSeconds(30).toNanos(), deadline - System.nanoTime()));
        String answer = send(HttpRequest.newBuilder(rig.services().get(Service.PROJECT_TRACKING).resolve(path))
                .header("Authorization", "Bearer " + rig.token("admin-zhao")).timeout(left)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        return FunnelRecount.JSON.readTree(answer).path("cases").asLong();
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void fill(MongoCollection<?> cases, de.bwaldvogel.mongo.bson.Document template, long count) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Instant now = java.time.Clock.systemUTC().instant();
        List<de.bwaldvogel.mongo.bson.Document> batch = new ArrayList<>(BATCH);
        for (long n = 0; n < count; n++) {
            batch.add(synthetic(template, pickStage(random.nextInt(100)), now.minusSeconds(random.nextLong(86_400L * 700)), random));
            if (batch.size() == BATCH || n == count - 1) {
                cases.insertDocuments(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
    }

    private static de.bwaldvogel.mongo.bson.Document synthetic(de.bwaldvogel.mongo.bson.Document template, String stage,
                                                                Instant opened, ThreadLocalRandom random) {
        List<String> path = "REJECTED".equals(stage) ? List.of("INTENTION", "REJECTED") : FORWARD.subList(0, FORWARD.indexOf(stage) + 1);
        de.bwaldvogel.mongo.bson.Document enteredAt = new de.bwaldvogel.mongo.bson.Document();
        List<String> handled = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            enteredAt.put(path.get(i), opened.plusSeconds(86_400L * 20 * i));
            handled.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        de.bwaldvogel.mongo.bson.Document copy = template.cloneDeeply();
        copy.put("_id", nextCaseId());
        copy.put("stage", stage);
        copy.put("enteredAt", enteredAt);
        copy.put("handledEvents", handled);
        return copy;
    }

    /**
     * A case id in the production format ({@code XX-YYYY-NNNNNN}, intake's case numbers): project
     * tracking slices large read models by the ids' last digits, so random UUIDs would measure a
     * distribution of ids production never has. The "BM" prefix keeps them apart from real cases.
     */
    private static String nextCaseId() {
        long n = SYNTHETIC_CASES.getAndIncrement();
        return String.format("BM-%04d-%06d", 1000 + n / 1_000_000, n % 1_000_000);
    }

    private static String pickStage(int percentile) {
        int cumulative = 0;
        for (String stage : List.of("INTENTION", "REJECTED", "SCREENED", "NEGOTIATING", "AGREED", "CONTRACTED", "LANDED", "OPERATING")) {
            cumulative += SHARES.get(stage);
            if (percentile < cumulative) {
                return stage;
            }
        }
        return "INTENTION";
    }

    /** A real LANDED case of the read model, in the server's own document type. */
    private de.bwaldvogel.mongo.bson.Document template() {
        try (MongoClient client = MongoClients.create("mongodb://" + rig.mongoAddress())) {
            org.bson.Document landed = Mono.from(client.getDatabase(Service.PROJECT_TRACKING.database())
                    .getCollection("pipeline_cases").find(Filters.eq("stage", "LANDED")).first()).block(Duration.ofSeconds(10));
            if (landed == null) {
                throw new IllegalStateException("no LANDED case in the read model to use as the template");
            }
            return (de.bwaldvogel.mongo.bson.Document) serverValue(landed);
        }
    }

    private static Object serverValue(Object value) {
        if (value instanceof org.bson.Document document) {
            de.bwaldvogel.mongo.bson.Document converted = new de.bwaldvogel.mongo.bson.Document();
            document.forEach((key, inner) -> converted.put(key, serverValue(inner)));
            return converted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FunnelBenchmark::serverValue).toList();
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof org.bson.types.Decimal128 decimal) {
            // money (the commission's figures) is stored as Decimal128; the server has a type of its own for it
            return new de.bwaldvogel.mongo.bson.Decimal128(decimal.getHigh(), decimal.getLow());
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        throw new IllegalStateException("unexpected type in a pipeline case: " + value.getClass());
    }
}
