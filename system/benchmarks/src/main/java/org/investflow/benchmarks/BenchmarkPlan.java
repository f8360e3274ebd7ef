package org.investflow.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How much work each phase does, every loop bounded by a count and a time: the full run
 * ({@code ./investflow bench}, under 10 minutes on 2 cores) and a smoke run (tiny counts, for the
 * test that keeps the harness from rotting).
 *
 * @param kafkaRecords         records ProducerPerformance sends and ConsumerPerformance reads
 * @param kafkaRecordSize      bytes per record (about one CloudEvent of InvestFlow)
 * @param kafkaLatencyMessages round trips of the end-to-end latency loops
 * @param mongoPreloaded       documents in the collection before the MongoDB measurements
 * @param jmhWarmup            JMH warm-up time per MongoDB benchmark (one iteration)
 * @param jmhMeasurement       JMH measurement time per iteration
 * @param jmhIterations        JMH measurement iterations
 * @param concurrency          concurrent requests (and JMH threads) of the rate measurements
 * @param httpWarmupRequests   requests before each HTTP measurement, not counted
 * @param httpWarmupTime       how long those requests may take at most: long enough for the JIT to have compiled the
 *                             path (intake's first 30 s still compile thousands of methods: C2 took a fifth of the CPU)
 * @param httpRequests         most requests of one HTTP measurement
 * @param httpTime             most time of one HTTP measurement
 * @param journeys             cases driven from intention to LANDED in the pipeline phase
 * @param journeyConcurrency   journeys running at the same time (full run: enough to saturate 2 cores, so cases/s is capacity, not latency)
 * @param pipelineTime         most time the pipeline phase may take
 * @param propagationCases     intentions whose arrival in the read model is timed
 * @param propagationRate      intentions submitted per second while timing propagation
 * @param funnelSizes          read-model sizes at which the funnel query is timed
 * @param funnelQueries        funnel queries timed at each size (a p99 needs a few hundred; unrecorded warm-up queries before the first size)
 * @param rebuildSizes         generated cases on the topics at which the read-model rebuild is timed (cumulative: the larger adds to the smaller)
 * @param rebuildReserve       time the funnel phase leaves for the rebuild phase (the funnel's largest size gives way first)
 * @param liveWait             how long the live read model's window goes on after the first rebuild size's send, unless it caught up
 * @param budget               the whole command's time budget, from the moment {@code ./investflow bench} started (its build included):
 *                             a funnel or rebuild size whose projected time would overrun it is skipped and says so
 */
record BenchmarkPlan(
        int kafkaRecords, int kafkaRecordSize, int kafkaLatencyMessages,
        int mongoPreloaded, Duration jmhWarmup, Duration jmhMeasurement, int jmhIterations,
        int concurrency, int httpWarmupRequests, Duration httpWarmupTime, int httpRequests, Duration httpTime,
        int journeys, int journeyConcurrency, Duration pipelineTime,
        int propagationCases, int propagationRate,
        List<Integer> funnelSizes, List<Integer> funnelQueries,
        List<Integer> rebuildSizes, Duration rebuildReserve, Duration liveWait,
        Duration budget) {

    static BenchmarkPlan full() {
        return new BenchmarkPlan(200_000, 600, 1_000,
                10_000, Duration.ofSeconds(3), Duration.ofSeconds(3), 3,
                16, 3_000, Duration.ofSeconds(30), 4_000, Duration.ofSeconds(15),
                96, 32, Duration.ofSeconds(120),
                100, 5,
                List.of(10_000, 100_000, 1_000_000), List.of(300, 300, 300),
                List.of(10_000, 100_000), Duration.ofSeconds(120), Duration.ofSeconds(15),
                Duration.ofSeconds(570));
    }

    static BenchmarkPlan smoke() {
        return new BenchmarkPlan(2_000, 600, 20,
                500, Duration.ofMillis(200), Duration.ofMillis(300), 1,
                4, 10, Duration.ofSeconds(3), 40, Duration.ofSeconds(3),
                2, 2, Duration.ofSeconds(60),
                5, 20,
                List.of(200, 500, 1_000), List.of(5, 5, 5),
                List.of(100, 300), Duration.ofSeconds(30), Duration.ofSeconds(15),
                Duration.ofSeconds(150));
    }

    /**
     * This plan with one rebuild size of {@code cases} and the live window going on {@code wait} after its send
     * ({@code ./investflow bench --only=warmUp,rebuild --live-cases=60000 --live-wait=240}): the live read model over
     * minutes instead of seconds, once the JIT has had time to go quiet.
     */
    BenchmarkPlan withLive(int cases, Duration wait) {
        return new BenchmarkPlan(kafkaRecords, kafkaRecordSize, kafkaLatencyMessages, mongoPreloaded, jmhWarmup, jmhMeasurement,
                jmhIterations, concurrency, httpWarmupRequests, httpWarmupTime, httpRequests, httpTime, journeys,
                journeyConcurrency, pipelineTime, propagationCases, propagationRate, funnelSizes, funnelQueries,
                List.of(cases), rebuildReserve, wait, budget);
    }
}
