package org.investflow.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.investflow.devstack.CaseJourney;

/**
 * Full-pipeline throughput: many cases at once driven over HTTP from intention to LANDED by
 * {@link CaseJourney} (every step of every service, waiting between services only for the events
 * to arrive), enough of them to keep the cores busy (capacity-bound, not latency-bound), with each
 * step's latency, the CPU time the rig used per case and the share of the cores it used, under a
 * CPU profile of this JVM.
 */
final class PipelineBenchmark {

    /** How {@link CaseJourney} reports a step: "  ✔ name   123 ms". */
    private static final Pattern STEP_LINE = Pattern.compile("\\s*✔ (.*?)\\s+\\d+ ms");

    private final Rig rig;
    private final BenchmarkPlan plan;
    private final Path profileFile;
    private final List<String> stepOrder = new ArrayList<>();

    PipelineBenchmark(Rig rig, BenchmarkPlan plan, Path profileFile) {
        this.rig = rig;
        this.plan = plan;
        this.profileFile = profileFile;
    }

    /** One journey, unmeasured: consumer groups assigned, code paths loaded, tokens fetched; it also gives the steps' order. */
    void warmUp() {
        new CaseJourney(rig.services(), rig.tokens(), "investor-de-1", "officer-li", rig.mailbox(), this::learnStep).run();
    }

    private void learnStep(String line) {
        Matcher step = STEP_LINE.matcher(line);
        if (step.matches()) {
            stepOrder.add(step.group(1));
        }
    }

    void measure(Report report, Duration limit) {
        Map<String, Histogram> steps = new LinkedHashMap<>();
        stepOrder.forEach(step -> steps.put(step, new Histogram(3)));
        Histogram totals = new Histogram(3);
        int landed = 0;
        List<String> failures = new ArrayList<>();
        long start;
        double seconds;
        try (ExecutionProfile profile = ExecutionProfile.start(profileFile)) {
            ExecutorService drivers = Executors.newFixedThreadPool(plan.journeyConcurrency());
            CpuTime cpuAtStart = CpuTime.now();
            long compilerCpuAtStart = Machine.compilerCpuMillis();
            start = System.nanoTime();
            List<Future<Map<String, Long>>> journeys = new ArrayList<>();
            for (int i = 0; i < plan.journeys(); i++) {
                journeys.add(drivers.submit(() -> {
                    CaseJourney journey = journey();
                    journey.run();
                    return journey.stepMillis();
                }));
            }
            long deadline = start + limit.toNanos();
            for (Future<Map<String, Long>> journey : journeys) {
                Map<String, Long> millis = await(journey, deadline, failures);
                if (millis != null) {
                    landed++;
                    totals.recordValue(millis.values().stream().mapToLong(Long::longValue).sum());
                    millis.forEach((step, ms) -> steps.computeIfAbsent(step, s -> new Histogram(3)).recordValue(ms));
                }
            }
            seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = CpuTime.now().secondsSince(cpuAtStart);
            long compilerCpuMillis = Machine.compilerCpuMillis() - compilerCpuAtStart;
            drivers.shutdownNow();
            profile.stop();
            report(report, steps, totals, landed, seconds);
            cpu(report, cpuSeconds, landed, seconds);
            report.figure("investflow.pipeline.jitCpuMsPerCase", landed == 0 ? Double.NaN : (double) compilerCpuMillis / landed,
                    "ms of CPU per landed case that the JIT compiler threads of this JVM used while the journeys ran (in cpuMsPerCase: "
                            + "the four services' code compiles on the same 2 cores for minutes)");
            report.figure("investflow.pipeline.failed", (long) failures.size(),
                    failures.isEmpty() ? "journeys that failed or overran their time" : "first: " + failures.get(0));
            profile.summarise(report, "profile.pipeline", 8, landed, "Case");
        }
    }

    private void report(Report report, Map<String, Histogram> steps, Histogram totals, int landed, double seconds) {
        report.figure("investflow.pipeline.casesPerSecond", landed / seconds,
                "cases/s intention→LANDED, " + plan.journeyConcurrency() + " journeys at a time over HTTP");
        report.figure("investflow.pipeline.casesLanded", (long) landed, "of " + plan.journeys() + " in " + String.format("%.1f", seconds) + " s");
        report.figure("investflow.pipeline.journeyP50Ms", (double) totals.getValueAtPercentile(50), "ms per case, all steps");
        report.figure("investflow.pipeline.journeyP95Ms", (double) totals.getValueAtPercentile(95), "ms");
        Map<String, Object> perStep = new LinkedHashMap<>();
        String slowest = null;
        long slowestP50 = -1;
        int index = 1;
        for (Map.Entry<String, Histogram> step : steps.entrySet()) {
            if (step.getValue().getTotalCount() == 0) {
                continue;
            }
            long p50 = step.getValue().getValueAtPercentile(50);
            long p95 = step.getValue().getValueAtPercentile(95);
            perStep.put(step.getKey(), Map.of("p50Ms", p50, "p95Ms", p95, "maxMs", step.getValue().getMaxValue()));
            report.figure(String.format("investflow.pipeline.step%02d", index++), step.getKey(), String.format("p50 %d ms, p95 %d ms", p50, p95));
            if (p50 > slowestP50) {
                slowestP50 = p50;
                slowest = step.getKey();
            }
        }
        report.fact("investflow.pipeline.steps", perStep);
        report.figure("investflow.pipeline.slowestStep", slowest, "p50 " + slowestP50 + " ms");
    }

    private static void cpu(Report report, double cpuSeconds, int landed, double seconds) {
        int cores = Runtime.getRuntime().availableProcessors();
        report.figure("investflow.pipeline.cpuMsPerCase", landed == 0 ? Double.NaN : cpuSeconds * 1000 / landed,
                "ms of CPU per landed case: this JVM (services, database server, load driver) + broker + issuer");
        report.figure("investflow.pipeline.cpuUtilisation", cpuSeconds / (seconds * cores),
                "share of the " + cores + " cores the rig used while the journeys ran (near 1: capacity-bound)");
    }

    private static Map<String, Long> await(Future<Map<String, Long>> journey, long deadline, List<String> failures) {
        try {
            return journey.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            journey.cancel(true);
            failures.add("did not land within the budget");
            return null;
        } catch (ExecutionException e) {
            failures.add(String.valueOf(e.getCause().getMessage()).lines().findFirst().orElse(""));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private CaseJourney journey() {
        return new CaseJourney(rig.services(), rig.tokens(), "investor-de-1", "officer-li", rig.mailbox(), line -> { });
    }
}
