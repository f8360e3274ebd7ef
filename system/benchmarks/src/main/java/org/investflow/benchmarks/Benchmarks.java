package org.investflow.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./investflow bench}: one bounded run that measures the limits of the parts and InvestFlow
 * beside them on this machine, prints a table and writes every figure to
 * {@code system/benchmarks/target/benchmarks.json}. {@code --smoke} runs the same harness with tiny
 * counts; {@code --only=warmUp,intake,propagation,funnel,rebuild} runs only the phases named (the read model's:
 * the funnel needs the warm-up's LANDED case as its template), within the same budget.
 */
public final class Benchmarks {

    /** The console stays for progress lines, warnings and errors. */
    static final String LOGGING = "classpath:benchmarks-logback.xml";

    private final BenchmarkPlan plan;
    private final Path target;
    private final Consumer<String> progress;
    private final long started = System.nanoTime();
    /** When the command started ({@code ./investflow bench} passes it, so its build counts against the budget). */
    private final long commandStarted = started - Math.max(0, System.currentTimeMillis()
            - Long.getLong("benchmarks.commandStartMillis", System.currentTimeMillis())) * 1_000_000;

    /** The phases to run ({@code --only=warmUp,intake,funnel}); empty: every phase. */
    private final Set<String> only;

    Benchmarks(BenchmarkPlan plan, Path target, Consumer<String> progress) {
        this(plan, target, progress, Set.of());
    }

    Benchmarks(BenchmarkPlan plan, Path target, Consumer<String> progress, Set<String> only) {
        this.plan = plan;
        this.target = target;
        this.progress = progress;
        this.only = Set.copyOf(only);
    }

    public static void main(String[] args) {
        boolean smoke = List.of(args).contains("--smoke");
        Path target = Path.of(System.getProperty("benchmarks.target", "system/benchmarks/target"));
        Set<String> only = List.of(args).stream().filter(arg -> arg.startsWith("--only="))
                .flatMap(arg -> Stream.of(arg.substring("--only=".length()).split(","))).collect(Collectors.toSet());
        BenchmarkPlan plan = smoke ? BenchmarkPlan.smoke() : BenchmarkPlan.full();
        Optional<Integer> liveCases = value(args, "--live-cases=");
        if (liveCases.isPresent()) {
            plan = plan.withLive(liveCases.get(), Duration.ofSeconds(value(args, "--live-wait=").orElse(15)));
        }
        Benchmarks benchmarks = new Benchmarks(plan, target, System.out::println, only);
        Report report = benchmarks.run();
        System.out.println(report.table());
        System.out.println("Every figure: " + target.resolve("benchmarks.json").toAbsolutePath());
        System.exit(0);
    }

    private static Optional<Integer> value(String[] args, String name) {
        return Stream.of(args).filter(arg -> arg.startsWith(name)).map(arg -> Integer.valueOf(arg.substring(name.length()))).findFirst();
    }

    /** Runs every phase and writes the JSON; the report is returned for printing and checking. */
    Report run() {
        Report report = new Report();
        Machine.describe(report, Path.of(System.getProperty("investflow.root", ".")));
        report.fact("plan", plan);
        Path kafkaClasspath = Path.of(System.getProperty("kafka.classpath.file", "system/kafka-broker/target/kafka-classpath.txt"));
        Path issuerJar = Path.of(System.getProperty("identity.jar", "system/identity/target/platform-identity-0.1.0-SNAPSHOT-exec.jar"));
        step("starting Kafka, the issuer, the MongoDB-wire server, the four services and a bare WebFlux app");
        try (Rig rig = Rig.start(target.resolve("bench-run"), kafkaClasspath, issuerJar)) {
            Thread stopOnCtrlC = new Thread(rig::close, "benchmarks-stop");
            Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
            report.figure("run.stackStartSeconds", elapsedSeconds(), "s to start everything");
            limits(report, rig, kafkaClasspath);
            investflow(report, rig);
            Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
        }
        ratios(report);
        report.figure("machine.loadAverageAtEnd", Machine.loadAverage(), "1-min load average");
        report.figure("run.wallSeconds", elapsedSeconds(), "s for the harness (this JVM)");
        report.figure("run.commandSeconds", (System.nanoTime() - commandStarted) / 1e9,
                "s since the command started, its build included (budget " + plan.budget().toSeconds() + " s)");
        report.write(target.resolve("benchmarks.json"));
        return report;
    }

    private void limits(Report report, Rig rig, Path kafkaClasspath) {
        phase(report, "kafka", "Kafka: ProducerPerformance, ConsumerPerformance, EndToEndLatency and a round-trip loop", () ->
                new KafkaLimits(rig.bootstrapServers(), new KafkaTools(kafkaClasspath, target.resolve("bench-run")), plan).measure(report));
        phase(report, "mongo", "MongoDB-wire server: JMH insert and point read", () ->
                new MongoLimits(rig.mongoAddress(), plan, target.resolve("bench-run/jmh.txt")).measure(report));
        phase(report, "webflux", "bare WebFlux endpoint under load", () -> new IntakeBenchmark(rig, plan, target.resolve("bench-run/intake")).bareWebFlux(report));
    }

    private void investflow(Report report, Rig rig) {
        PipelineBenchmark pipeline = new PipelineBenchmark(rig, plan, target.resolve("bench-run/pipeline"));
        phase(report, "warmUp", "warm-up: one case from intention to LANDED", pipeline::warmUp);
        phase(report, "intake", "intake submissions under load, then the read model catching up", () ->
                new IntakeBenchmark(rig, plan, target.resolve("bench-run/intake")).intake(report));
        phase(report, "pipeline", "full pipeline: " + plan.journeys() + " cases, " + plan.journeyConcurrency()
                + " at a time, under a CPU profile", () ->
                pipeline.measure(report, plan.pipelineTime()));
        phase(report, "propagation", "event propagation lag: " + plan.propagationCases() + " intentions at "
                + plan.propagationRate() + "/s", () -> new PropagationBenchmark(rig, plan).measure(report));
        phase(report, "funnel", "funnel query latency at " + plan.funnelSizes() + " cases", () ->
                new FunnelBenchmark(rig, plan, target.resolve("bench-run/funnel")).measure(report, deadline() - plan.rebuildReserve().toNanos()));
        phase(report, "rebuild", "read-model rebuild with " + plan.rebuildSizes() + " generated cases' events on the topics", () ->
                new RebuildBenchmark(rig, plan, target.resolve("bench-run/rebuild")).measure(report, deadline()));
        step("stopping");
    }

    private static void ratios(Report report) {
        report.figure("ratios.intakeToBareWebFlux",
                report.number("investflow.intake.requestsPerSecond") / report.number("limits.webflux.requestsPerSecond"),
                "intake req/s ÷ bare WebFlux req/s");
        report.figure("ratios.intakeToMongoInsert",
                report.number("investflow.intake.requestsPerSecond") / report.number("limits.mongo.insertsPerSecond"),
                "intake req/s ÷ raw inserts/s");
        report.figure("ratios.intakeDatabaseCeilingPerSecond",
                report.number("limits.mongo.insertsPerSecond") / report.number("investflow.intake.databaseCommandsPerSubmission"),
                "submissions/s the database alone would allow: raw inserts/s ÷ database commands per submission");
        report.figure("ratios.intakeToDatabaseCeiling",
                report.number("investflow.intake.requestsPerSecond") / report.number("ratios.intakeDatabaseCeilingPerSecond"),
                "intake req/s ÷ that ceiling");
        report.figure("ratios.propagationP99ToKafkaE2eP99",
                report.number("investflow.propagation.p99Ms") / report.number("limits.kafka.e2eP99Ms"),
                "propagation p99 ÷ Kafka round-trip p99 (µs loop)");
        report.figure("ratios.propagationFromPublishedP99ToKafkaE2eP99",
                report.number("investflow.propagation.fromPublishedP99Ms") / report.number("limits.kafka.e2eP99Ms"),
                "published → visible p99 ÷ Kafka round-trip p99 (µs loop): the part of the lag after the relay sent the record");
        report.figure("ratios.propagationP99ToKafkaToolE2eP99",
                report.number("investflow.propagation.p99Ms") / Math.max(1, report.number("limits.kafka.toolE2eP99Ms")),
                "propagation p99 ÷ EndToEndLatency p99 (whole ms, at least 1)");
    }

    /** Runs one phase (unless {@code --only} leaves it out); a failure is reported under {@code errors.<name>} and the run goes on. */
    private void phase(Report report, String name, String what, Runnable measurement) {
        if (!only.isEmpty() && !only.contains(name)) {
            return;
        }
        step(what);
        try {
            measurement.run();
        } catch (RuntimeException e) {
            e.printStackTrace();
            report.figure("errors." + name, String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e.getClass().getSimpleName());
        }
    }

    private long deadline() {
        return commandStarted + plan.budget().toNanos();
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void step(String what) {
        progress.accept(String.format("[bench %5.1f s] %s", elapsedSeconds(), what));
    }
}
