package org.investflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.investflow.devstack.Service;
import org.investflow.platform.messaging.CloudEventCodec;
import org.investflow.platform.messaging.InboundEvents;
import org.investflow.platform.messaging.OutboxMessages;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import reactor.core.publisher.Flux;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-model rebuild time as the topics grow, driven through project-tracking's public API: its admin
 * endpoint {@code POST /api/pipeline/rebuild} (with the local issuer's admin token) replays the four
 * topics into a fresh collection and swaps it in, timed for the cases the earlier phases left (the
 * baseline, which also swaps out the funnel's synthetic cases), then after {@link CaseHistories} put the
 * events of the small and then the medium number of cases on the public topics. Project-tracking runs
 * alone in this phase (restarted, the others stopped): otherwise negotiation and e-signature would act on
 * the generated events (open negotiations, build and mail contracts) on the same 2 cores while the
 * rebuild is timed. Its own listeners keep running, as they do when an admin rebuilds in production. A size is
 * reported only when the rebuilt read model holds exactly the expected cases, stage by stage; a size
 * whose projected time or memory does not fit what is left is skipped, and says so. The largest size's
 * rebuild runs under a CPU profile (the services share this JVM).
 */
final class RebuildBenchmark {

    private static final String[] SIZE_NAMES = {"small", "medium"};
    private static final String COLLECTION = "pipeline_cases";
    private static final String ADMIN = "admin-zhao";
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** project-tracking's consumer group of the live pipeline read model. */
    private static final String LIVE_GROUP = "project-tracking-pipeline";
    /** The longest wait, after the first size's produce, for the live read model to have stored every record. */
    /** The longest wait for the live read model to store the warm-up's records. */
    private static final Duration LIVE_WARM_UP_WAIT = Duration.ofSeconds(30);

    private final Rig rig;
    private final BenchmarkPlan plan;
    private final Path profileFile;
    private final HttpClient http = HttpClient.newHttpClient();

    RebuildBenchmark(Rig rig, BenchmarkPlan plan, Path profileFile) {
        this.rig = rig;
        this.plan = plan;
        this.profileFile = profileFile;
    }

    /** What one rebuild did, as the endpoint answers it. */
    record Rebuilt(long records, long applied, long cases, long skipped, Duration duration) {
    }

    void measure(Report report, long deadline) {
        rig.runAlone(Service.PROJECT_TRACKING);
        CloudEventCodec codec = new CloudEventCodec(JSON);
        CaseHistories histories = new CaseHistories(JSON, new OutboxMessages(codec), codec);
        try (MongoClient client = MongoClients.create("mongodb://" + rig.mongoAddress());
             Producer<String, byte[]> producer = producer();
             ConsumerLag live = ConsumerLag.of(rig.bootstrapServers(), LIVE_GROUP)) {
            Rebuilt baseline = run(deadline);
            Map<String, Long> expected = stages(client);
            check(baseline, expected, client, 0);
            report.fact("investflow.rebuild.baseline", Map.of("cases", baseline.cases(), "records", baseline.records(),
                    "seconds", seconds(baseline)));
            long produced = 0;
            double produceNanosPerCase = 0;
            double rebuildNanosPerCase = 0;
            long bytesPerCase = 0;
            for (int i = 0; i < plan.rebuildSizes().size(); i++) {
                String prefix = "investflow.rebuild." + SIZE_NAMES[i];
                int size = plan.rebuildSizes().get(i);
                String refusal = refusal(size - produced, size + baseline.cases(), produceNanosPerCase, rebuildNanosPerCase,
                        bytesPerCase, deadline);
                if (refusal != null) {
                    report.figure(prefix + "Cases", (long) size, "planned");
                    report.unavailable(prefix + "Seconds", "skipped: " + refusal);
                    break;
                }
                long usedBefore = Machine.usedHeap();
                CaseHistories.Produced added = i == 0
                        ? produceWithLive(report, prefix, histories, producer, live, (int) (size - produced), deadline)
                        : histories.send(producer, histories.prepare((int) (size - produced), deadline), deadline);
                if (i == 0) {
                    largestTallies(report, prefix, client);
                }
                produced = size;
                added.byStage().forEach((stage, count) -> expected.merge(stage, count, Long::sum));
                boolean last = i == plan.rebuildSizes().size() - 1;
                Rebuilt rebuilt = last ? profiled(report, deadline) : run(deadline);
                String wrong = check(rebuilt, expected, client, baseline.cases() + size);
                produceNanosPerCase = (added.prepareSeconds() + added.seconds()) * 1e9 / added.cases();
                rebuildNanosPerCase = seconds(rebuilt) * 1e9 / Math.max(1, rebuilt.cases());
                bytesPerCase = Math.max(bytesPerCase, (Machine.usedHeap() - usedBefore) / Math.max(1, rebuilt.cases()));
                report(report, prefix, size, added, rebuilt, wrong);
                if (wrong != null) {
                    break;
                }
            }
        }
        growth(report);
    }

    /**
     * Sends a fifth of the cases first, untimed, and waits (at most {@link #LIVE_WARM_UP_WAIT}) until the live read model
     * stored them: the JIT compiles the live path on them, as JMH's warm-up iterations do (in a run of this phase alone,
     * the compiler threads took more CPU than the projector in the window). Then sends the rest, built beforehand, with
     * the live read model timed and profiled meanwhile.
     */
    private CaseHistories.Produced produceWithLive(Report report, String prefix, CaseHistories histories, Producer<String, byte[]> producer,
                                                   ConsumerLag live, int cases, long deadline) {
        int warmUpCases = cases / 5;
        CaseHistories.Produced warmUp = histories.send(producer, histories.prepare(warmUpCases, deadline), deadline);
        long warmUpStarted = System.nanoTime();
        boolean warmedUp = live.awaitNone(Math.min(deadline, System.nanoTime() + LIVE_WARM_UP_WAIT.toNanos()));
        report.figure(prefix + "LiveWarmUpRecords", warmUp.events(), "records of " + warmUpCases + " cases sent before the window, "
                + "untimed; the live read model " + (warmedUp ? "stored all of them" : "was still behind") + " "
                + String.format("%.1f", (System.nanoTime() - warmUpStarted) / 1e9) + " s after their send");
        CaseHistories.Prepared prepared = histories.prepare(cases - warmUpCases, deadline);
        try (ExecutionProfile profile = ExecutionProfile.start(profileFile.resolveSibling("live"))) {
            LiveWindow window = openLive(live);
            CaseHistories.Produced timed = histories.send(producer, prepared, deadline);
            long stored = live(report, prefix, live, window, timed, deadline);
            profile.stop();
            profile.summarise(report, "profile.live", 8, stored, "Record");
            return warmUp.and(timed);
        }
    }

    /**
     * The live read model's rate: project-tracking's own consumer group keeps projecting while the generated events are
     * produced (as in production while an admin rebuilds). From the first produced record until the group has committed
     * every record of its topics, or the plan's {@code liveWait} after the produce ended, the records it stored over the time is
     * what the live projector sustains (its capacity when it is still behind at the end, a lower bound when it caught
     * up), with its batches' count and mean handling time. Only for the first size: the second's wait would come out of
     * the rebuild's budget (the live group then competes with the rebuild, as it did before). Answers the records the
     * live read model stored in the window.
     */
    private long live(Report report, String prefix, ConsumerLag live, LiveWindow window, CaseHistories.Produced added, long deadline) {
        long lagAtProduceEnd = live.records();
        long produceEnded = System.nanoTime();
        boolean caughtUp = live.awaitNone(Math.min(deadline, System.nanoTime() + plan.liveWait().toNanos()));
        long ended = System.nanoTime();
        Map<String, Double> byThread = ThreadCpu.since(window.threads());
        double cpuSeconds = ThreadCpu.total(byThread) / 1e3;
        long compilerMillis = Math.round(byThread.get(ThreadCpu.COMPILER));
        double seconds = (ended - window.started()) / 1e9;
        long left = caughtUp ? 0 : live.records();
        double drainSeconds = (ended - produceEnded) / 1e9;
        report.figure(prefix + "LiveDrainEventsPerSecond", (lagAtProduceEnd - left) / drainSeconds, "records/s the live read model "
                + "stored after the produce ended (the harness's producer no longer sharing the cores): " + (lagAtProduceEnd - left)
                + " in " + String.format("%.1f", drainSeconds) + " s" + (caughtUp ? ", all it had left (a lower bound)" : ""));
        long lagBefore = window.lagBefore();
        long stored = added.events() + lagBefore - left;
        TimerWindow.Recorded handled = window.batches().close();
        DatabaseCommands.Moved commands = window.commands().of(Service.PROJECT_TRACKING.database(), 10);
        report.figure(prefix + "LiveDatabaseCommands", commands.count(),
                "commands of project-tracking meanwhile, each with the server's mean time and its thread's mean CPU time: "
                        + commands.described());

        report.figure(prefix + "LiveEventsPerSecond", stored / seconds, "records/s the live read model (" + LIVE_GROUP
                + ", beside) stored from the first produced record: " + stored + " in " + String.format("%.1f", seconds) + " s; "
                + added.events() + " produced in " + String.format("%.1f", added.seconds()) + " s, " + lagBefore
                + " behind at the start, " + lagAtProduceEnd + " when the produce ended, " + (caughtUp ? "all stored"
                : left + " still to go " + plan.liveWait().toSeconds() + " s later (so this is its capacity)"));
        report.figure(prefix + "LiveRigCpuMsPerRecord", cpuSeconds * 1e3 / Math.max(1, stored), "ms of CPU the whole rig (this JVM, "
                + "broker, issuer) used per record the live read model stored in the window, the harness's send included; "
                + String.format("%.2f", cpuSeconds / (seconds * Runtime.getRuntime().availableProcessors())) + " of the cores; of it the "
                + "JIT compiler threads' " + compilerMillis + " ms in the window's " + Math.round(seconds) + " s");
        report.figure(prefix + "LiveCpuByThread", ThreadCpu.total(byThread) / Math.max(1, stored),
                "ms of CPU per stored record by thread (this JVM's Java threads by name, its JIT compiler, GC and VM, the child "
                        + "processes), the largest first: " + ThreadCpu.perUnit(byThread, stored, 12));
        double cpuMsPerRecord = commands.cpuNanos() / 1e6 / Math.max(1, stored);
        report.figure(prefix + "LiveDatabaseCpuMsPerRecord", cpuMsPerRecord, "ms of the database server threads' CPU time per "
                + "record the live read model stored, all project-tracking's commands meanwhile (its projects listener's among "
                + "them): at 5,000 records/s the server alone would take " + String.format("%.2f", cpuMsPerRecord * 5) + " cores");
        ConsumerFetch fetches = ConsumerFetch.of(rig.bean(Service.PROJECT_TRACKING, KafkaListenerEndpointRegistry.class), LIVE_GROUP);
        report.figure(prefix + "LiveFetches", fetches.recordsPerRequest(), "records per fetch response of the live group's consumer "
                + "on average, every response counted (a trickling topic's one-record responses too; Kafka's consumer metrics): " + fetches.described());
        report.figure(prefix + "LiveBatches", handled.count(), "batches the live read model handled meanwhile, "
                + (handled.count() == 0 ? "none" : String.format("%.0f records each on average, %.1f ms each on average (handling: "
                + "decode, cases read, note, cases and tallies written); handling %.0f %% of the window (one batch at a time: "
                + "the rest is the consumer waiting for records)", (double) stored / handled.count(), handled.meanMs(),
                100 * handled.count() * handled.meanMs() / 1e3 / seconds)));
        return stored;
    }

    /** Where the live read model stood when the produce started: its lag, batch timer, and the database's command counts and times. */
    private record LiveWindow(long started, long lagBefore, TimerWindow batches, DatabaseCommands.Window commands,
                              ThreadCpu.Snapshot threads) {
    }

    private LiveWindow openLive(ConsumerLag live) {
        MeterRegistry meters = rig.meters(Service.PROJECT_TRACKING);
        return new LiveWindow(System.nanoTime(), live.records(),
                TimerWindow.open(() -> meters.find(InboundEvents.BATCH_HANDLING).tag("group", LIVE_GROUP).timer()),
                rig.databaseCommands().window(), ThreadCpu.now());
    }

    private static void report(Report report, String prefix, int size, CaseHistories.Produced added, Rebuilt rebuilt,
                               String wrong) {
        report.figure(prefix + "Cases", rebuilt.cases(), "cases in the rebuilt read model (" + size + " generated + the earlier phases')");
        report.figure(prefix + "ProduceSeconds", added.seconds(), "s to send " + added.events() + " events of " + added.cases()
                + " cases (a producer like the services'), built beforehand in " + String.format("%.1f", added.prepareSeconds())
                + " s (contract records, platform/messaging's codec)");
        if (wrong != null) {
            report.unavailable(prefix + "Seconds", "not reported, the rebuilt read model is wrong: " + wrong);
            return;
        }
        double seconds = seconds(rebuilt);
        report.figure(prefix + "Seconds", seconds, "s POST /api/pipeline/rebuild: replay " + rebuilt.records()
                + " records of 4 topics, write, swap, catch up");
        report.figure(prefix + "Records", rebuilt.records(), "records replayed (" + rebuilt.applied() + " changed a case, "
                + rebuilt.skipped() + " unreadable)");
        report.figure(prefix + "EventsPerSecond", rebuilt.records() / seconds, "records/s replayed and applied");
        report.figure(prefix + "CasesPerSecond", rebuilt.cases() / seconds, "cases/s into the fresh collection");
    }

    private static void growth(Report report) {
        double small = report.number("investflow.rebuild.smallSeconds");
        double medium = report.number("investflow.rebuild.mediumSeconds");
        if (Double.isNaN(small) || Double.isNaN(medium)) {
            report.unavailable("ratios.rebuildTimeGrowth", "no rebuild figure for both sizes");
            return;
        }
        report.figure("ratios.rebuildTimeGrowth", medium / small, "rebuild s at medium ÷ at small");
        report.figure("ratios.rebuildWorkGrowth", report.number("investflow.rebuild.mediumRecords")
                / report.number("investflow.rebuild.smallRecords"), "records replayed at medium ÷ at small (the work)");
        report.figure("ratios.rebuildToKafkaConsume", report.number("investflow.rebuild.mediumEventsPerSecond")
                / report.number("limits.kafka.consumeRecordsPerSecond"), "rebuild records/s (medium) ÷ ConsumerPerformance records/s");
    }

    /** The largest size's rebuild under a CPU profile: where the rebuild's time goes. */
    private Rebuilt profiled(Report report, long deadline) {
        try (ExecutionProfile profile = ExecutionProfile.start(profileFile)) {
            Rebuilt rebuilt = run(deadline);
            profile.stop();
            profile.summarise(report, "profile.rebuild", 8, rebuilt.records(), "Record");
            return rebuilt;
        }
    }

    /** One rebuild through project-tracking's admin endpoint, answered once the rebuilt model is in place. */
    private Rebuilt run(long deadline) {
        Duration left = Duration.ofNanos(Math.max(Duration.ofSeconds(10).toNanos(), deadline - System.nanoTime()));
        HttpRequest request = HttpRequest.newBuilder(rig.services().get(Service.PROJECT_TRACKING).resolve("/api/pipeline/rebuild"))
                .header("Authorization", "Bearer " + rig.token(ADMIN)).timeout(left)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the rebuild answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readValue(response.body(), Rebuilt.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding", e);
        }
    }

    private Producer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, rig.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Null when the live collection holds the rebuilt cases, {@code cases} of them (unless 0), stage by stage as expected. */
    private static String check(Rebuilt rebuilt, Map<String, Long> expected, MongoClient client, long cases) {
        Map<String, Long> actual = stages(client);
        long stored = actual.values().stream().mapToLong(Long::longValue).sum();
        if (cases > 0 && (rebuilt.cases() != cases || stored != cases)) {
            return "expected " + cases + " cases, the rebuild reported " + rebuilt.cases() + " and the collection holds " + stored;
        }
        if (!actual.equals(expected)) {
            return "stages expected " + expected + ", found " + actual;
        }
        return null;
    }

    /**
     * The live tally documents' number and the largest by fields (a nested document's fields counted): the wire server
     * copies a whole document for each update, so a tally every batch writes costs with its size.
     */
    private static void largestTallies(Report report, String prefix, MongoClient client) {
        List<Document> tallies = Flux.from(client.getDatabase(Service.PROJECT_TRACKING.database()).getCollection("pipeline_tallies").find())
                .collectList().block(Duration.ofMinutes(1));
        Map<String, Integer> fields = new HashMap<>();
        tallies.forEach(tally -> fields.put(tally.getString("_id"), fieldsOf(tally)));
        String largest = fields.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5)
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
        report.figure(prefix + "LiveTallyDocuments", (long) tallies.size(), "live tally documents after the live window; "
                + "fields of the largest: " + largest);
    }

    private static int fieldsOf(Document document) {
        int fields = 0;
        for (Object value : document.values()) {
            fields += value instanceof Document nested ? fieldsOf(nested) : 1;
        }
        return fields;
    }

    /** Cases of the live read model per stage, counted by the database. */
    private static Map<String, Long> stages(MongoClient client) {
        List<Document> groups = Flux.from(client.getDatabase(Service.PROJECT_TRACKING.database()).getCollection(COLLECTION)
                        .aggregate(List.of(Aggregates.group("$stage", Accumulators.sum("n", 1)))))
                .collectList().block(Duration.ofMinutes(2));
        Map<String, Long> stages = new TreeMap<>();
        groups.forEach(group -> stages.put(String.valueOf(group.get("_id")), ((Number) group.get("n")).longValue()));
        return stages;
    }

    private static String refusal(long toAdd, long cases, double produceNanosPerCase, double rebuildNanosPerCase,
                                  long bytesPerCase, long deadline) {
        // producing grows with the cases added, the rebuild at least with all cases; 1.3 × leaves room for worse
        double projectedSeconds = 1.3 * (produceNanosPerCase * toAdd + rebuildNanosPerCase * cases) / 1e9;
        double leftSeconds = (deadline - System.nanoTime()) / 1e9;
        if (projectedSeconds > leftSeconds) {
            return String.format("projected %.0f s to produce %d cases' events and rebuild %d cases, %.0f s of the budget left",
                    projectedSeconds, toAdd, cases, leftSeconds);
        }
        long projectedBytes = bytesPerCase * cases * 2;
        long freeBytes = Runtime.getRuntime().maxMemory() - Machine.usedHeap();
        if (projectedBytes > freeBytes) {
            return String.format("projected %d MB of heap to rebuild %d cases, %d MB free (raise -Xmx)", projectedBytes >> 20, cases, freeBytes >> 20);
        }
        return null;
    }

    private static double seconds(Rebuilt rebuilt) {
        return rebuilt.duration().toNanos() / 1e9;
    }
}
