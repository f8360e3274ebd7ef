package org.investflow.benchmarks;

import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/**
 * The database server's limits, measured with JMH ({@link MongoOperations}) in this JVM — where the
 * services' own driver runs — with as many threads as the HTTP measurements' concurrency.
 */
final class MongoLimits {

    private final String mongoAddress;
    private final BenchmarkPlan plan;
    private final Path output;

    MongoLimits(String mongoAddress, BenchmarkPlan plan, Path output) {
        this.mongoAddress = mongoAddress;
        this.plan = plan;
        this.output = output;
    }

    void measure(Report report) {
        Collection<RunResult> results = run();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark().substring(result.getParams().getBenchmark().lastIndexOf('.') + 1);
            double perSecond = result.getPrimaryResult().getScore();
            if ("insert".equals(method)) {
                report.figure("limits.mongo.insertsPerSecond", perSecond, "inserts/s (JMH, " + plan.concurrency() + " threads, reactive driver)");
            } else {
                report.figure("limits.mongo.pointReadsPerSecond", perSecond, "reads by _id/s (JMH, " + plan.concurrency() + " threads)");
            }
        }
    }

    private Collection<RunResult> run() {
        Options options = new OptionsBuilder()
                .include(MongoOperations.class.getName() + "\\.")
                .param("uri", "mongodb://" + mongoAddress)
                .param("preloaded", Integer.toString(plan.mongoPreloaded()))
                // no fork: the database server runs in this JVM, and so does the services' driver
                .forks(0)
                .threads(plan.concurrency())
                .mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS)
                .warmupIterations(1).warmupTime(TimeValue.milliseconds(plan.jmhWarmup().toMillis()))
                .measurementIterations(plan.jmhIterations()).measurementTime(TimeValue.milliseconds(plan.jmhMeasurement().toMillis()))
                .timeout(TimeValue.seconds(60))
                .output(output.toString())
                .build();
        try {
            return new Runner(options).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed; see " + output, e);
        }
    }
}
