package org.investflow.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import de.bwaldvogel.mongo.MongoCollection;
import org.investflow.devstack.Service;

/**
 * Intake's submission rate and latency at a fixed concurrency with a real investor token, and the
 * bare WebFlux endpoint's under the same load; then how long the pipeline read model needs to
 * catch up with every submitted intention (project-tracking applies one event per poll). The
 * submission load runs under a CPU profile.
 */
final class IntakeBenchmark {

    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(120);

    private final Rig rig;
    private final BenchmarkPlan plan;
    private final Path profileFile;

    IntakeBenchmark(Rig rig, BenchmarkPlan plan, Path profileFile) {
        this.rig = rig;
        this.plan = plan;
        this.profileFile = profileFile;
    }

    /** The bare endpoint under the same load, with its CPU per request by code base beside intake's per submission. */
    void bareWebFlux(Report report) {
        try (HttpLoad load = new HttpLoad(rig.bareWebFlux(), plan.concurrency());
             ExecutionProfile profile = ExecutionProfile.start(profileFile.resolveSibling("webflux"))) {
            HttpLoad.Outcome outcome = load.run(plan.httpWarmupRequests(), plan.httpWarmupTime(), plan.httpRequests(), plan.httpTime(), Submissions.toBareWebFlux());
            profile.stop();
            profile.summarise(report, "profile.webflux", 5, outcome.ok() + outcome.warmupOk(), "Request");
            record(report, "limits.webflux", outcome, "POST of the intention body, no security/validation/database");
        }
    }

    void intake(Report report) {
        long casesBefore = readModelSize();
        Map<String, Map<String, Long>> commandsBefore = rig.databaseCommands().snapshot();
        Map<String, Map<String, Long>> nanosBefore = rig.databaseCommands().nanosSnapshot();
        Map<String, Map<String, Long>> cpuBefore = rig.databaseCommands().cpuSnapshot();
        long started = System.nanoTime();
        ThreadCpu.Snapshot threadsAtStart = ThreadCpu.now();
        HttpLoad.Outcome outcome;
        Map<String, Double> byThread;
        long loadEnded;
        long submitted;
        try (HttpLoad load = new HttpLoad(rig.services().get(Service.INTAKE), plan.concurrency());
             ExecutionProfile profile = ExecutionProfile.start(profileFile)) {
            outcome = load.run(plan.httpWarmupRequests(), plan.httpWarmupTime(), plan.httpRequests(), plan.httpTime(),
                    Submissions.toIntake(rig.token("investor-de-1")));
            // before the profile's dump and summary, seconds of the harness's CPU that are not the load's
            byThread = ThreadCpu.since(threadsAtStart);
            loadEnded = System.nanoTime();
            submitted = outcome.ok() + outcome.warmupOk();
            profile.stop();
            profile.summarise(report, "profile.intake", 5, submitted, "Submission");
        }
        record(report, "investflow.intake", outcome, "POST /api/intentions, investor token, fresh Idempotency-Key");
        report.figure("investflow.intake.rigCpuMsPerSubmission", ThreadCpu.total(byThread) / Math.max(1, submitted), "ms of CPU the "
                + "whole rig (this JVM, broker, issuer; the load generator included) used per submission, warm-up and measurement ("
                + submitted + " submitted); of it the JIT compiler threads' " + Math.round(byThread.get(ThreadCpu.COMPILER))
                + " ms in all");
        report.figure("investflow.intake.cpuByThread", ThreadCpu.total(byThread) / Math.max(1, submitted),
                "ms of CPU per submission by thread (this JVM's Java threads by name, its JIT compiler, GC and VM, the child "
                        + "processes), the largest first: " + ThreadCpu.perUnit(byThread, submitted, 12));
        long caughtUp = awaitReadModel(casesBefore + submitted);
        double catchUpSeconds = (System.nanoTime() - loadEnded) / 1e9;
        report.figure("investflow.readModel.catchUpSeconds", catchUpSeconds, "s after the intake load until the pipeline read model held every case");
        report.figure("investflow.readModel.casesApplied", caughtUp - casesBefore, "of " + submitted + " submitted (bounded wait " + CATCH_UP_LIMIT.toSeconds() + " s)");
        perSubmission(report, rig.databaseCommands().since(commandsBefore), rig.databaseCommands().nanosSince(nanosBefore),
                rig.databaseCommands().cpuSince(cpuBefore), submitted);
        report.figure("investflow.readModel.applyPerSecond", (caughtUp - casesBefore) / ((System.nanoTime() - started) / 1e9),
                "cases/s from the load's start until caught up (event consumption + upsert)");
    }

    /**
     * The database commands the whole system sent per submission, from the load's start until the read model caught
     * up (intake's own, its outbox relay's, and the consumers' of its events: project-tracking's read model,
     * negotiation's inbox), by service database; the periodic jobs' few commands in that time are counted too. Each
     * command is shown with the database server's mean time on it (a scan shows as milliseconds where a keyed command
     * takes a tenth of one).
     */
    private static void perSubmission(Report report, Map<String, Map<String, Long>> commands, Map<String, Map<String, Long>> nanos,
                                      Map<String, Map<String, Long>> cpu, long submitted) {
        if (submitted == 0) {
            return;
        }
        long total = commands.values().stream().flatMap(byCommand -> byCommand.values().stream()).mapToLong(Long::longValue).sum();
        report.figure("investflow.intake.databaseCommandsPerSubmission", (double) total / submitted,
                "database commands per submitted intention, all services (" + submitted + " submitted)");
        long serverNanos = nanos.values().stream().flatMap(byCommand -> byCommand.values().stream()).mapToLong(Long::longValue).sum();
        report.figure("investflow.intake.databaseServerMsPerSubmission", serverNanos / 1e6 / submitted,
                "ms of the database server's time per submitted intention, all services' commands");
        long cpuNanos = cpu.values().stream().flatMap(byCommand -> byCommand.values().stream()).mapToLong(Long::longValue).sum();
        report.figure("investflow.intake.databaseServerCpuMsPerSubmission", cpuNanos / 1e6 / submitted,
                "ms of the database server threads' CPU time per submitted intention, all services' commands (the server's "
                        + "time less waiting for a core or a collection's lock)");
        commands.forEach((database, byCommand) -> report.figure("investflow.intake.databaseCommandsOf." + database,
                (double) byCommand.values().stream().mapToLong(Long::longValue).sum() / submitted,
                "commands of " + database + " per submission (" + DatabaseCommands.described(byCommand, nanos.getOrDefault(database, Map.of()),
                        cpu.getOrDefault(database, Map.of()), 8) + ")"));
    }


    private static void record(Report report, String prefix, HttpLoad.Outcome outcome, String what) {
        report.figure(prefix + ".requestsPerSecond", outcome.perSecond(), "req/s at concurrency, " + what);
        report.figure(prefix + ".p50Ms", outcome.millis(50), "ms");
        report.figure(prefix + ".p95Ms", outcome.millis(95), "ms");
        report.figure(prefix + ".p99Ms", outcome.millis(99), "ms");
        report.figure(prefix + ".requests", outcome.ok(), "2xx in " + String.format("%.1f", outcome.seconds()) + " s");
        report.figure(prefix + ".failed", outcome.failed(), "non-2xx or errors " + outcome.statuses());
    }

    private long awaitReadModel(long expected) {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        long size = readModelSize();
        while (size < expected && System.nanoTime() < deadline) {
            sleep(50);
            size = readModelSize();
        }
        return size;
    }

    long readModelSize() {
        MongoCollection<?> cases = rig.backend().resolveDatabase(Service.PROJECT_TRACKING.database())
                .resolveCollection("pipeline_cases", false);
        return cases == null ? 0 : cases.count();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
