package org.investflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the benchmark harness from rotting: the whole harness (real broker, issuer, database server,
 * the four services, the bare WebFlux app, JMH, the Kafka tools, JFR) runs end to end with tiny
 * counts, and its JSON must hold every figure {@code BENCHMARKS.md} explains. The figures
 * themselves mean nothing at this size; benchmarks run on demand with {@code ./investflow bench}.
 */
class BenchmarkHarnessSmokeTest {

    private static final List<String> FIGURES = List.of(
            "revision.commit", "machine.cores", "machine.memoryMb", "machine.jvm", "machine.os", "machine.jvmArguments",
            "machine.loadAverageAtStart", "machine.loadAverageAtEnd", "plan.journeys",
            "run.stackStartSeconds", "run.wallSeconds", "run.commandSeconds",
            "limits.kafka.produceRecordsPerSecond", "limits.kafka.produceMegabytesPerSecond", "limits.kafka.produceLatencyP99Ms",
            "limits.kafka.consumeRecordsPerSecond", "limits.kafka.consumeMegabytesPerSecond",
            "limits.kafka.toolE2eAvgMs", "limits.kafka.toolE2eP50Ms", "limits.kafka.toolE2eP99Ms",
            "limits.kafka.e2eP50Ms", "limits.kafka.e2eP99Ms",
            "limits.mongo.insertsPerSecond", "limits.mongo.pointReadsPerSecond",
            "limits.webflux.requestsPerSecond", "limits.webflux.p50Ms", "limits.webflux.p95Ms", "limits.webflux.p99Ms",
            "investflow.intake.requestsPerSecond", "investflow.intake.p50Ms", "investflow.intake.p95Ms", "investflow.intake.p99Ms",
            "investflow.readModel.catchUpSeconds", "investflow.readModel.applyPerSecond",
            "investflow.pipeline.casesPerSecond", "investflow.pipeline.casesLanded", "investflow.pipeline.journeyP50Ms",
            "investflow.pipeline.steps", "investflow.pipeline.slowestStep",
            "investflow.propagation.p50Ms", "investflow.propagation.p99Ms",
            "investflow.funnel.small.cases", "investflow.funnel.small.p50Ms",
            "investflow.funnel.medium.cases", "investflow.funnel.medium.p50Ms",
            "investflow.funnel.large.cases", "investflow.funnel.large.p50Ms",
            "investflow.rebuild.baseline.cases", "investflow.rebuild.smallCases", "investflow.rebuild.smallProduceSeconds",
            "investflow.rebuild.smallSeconds", "investflow.rebuild.smallRecords", "investflow.rebuild.smallEventsPerSecond",
            "investflow.rebuild.smallCasesPerSecond", "investflow.rebuild.mediumCases", "investflow.rebuild.mediumSeconds",
            "investflow.rebuild.mediumRecords", "investflow.rebuild.mediumEventsPerSecond", "investflow.rebuild.mediumCasesPerSecond",
            "ratios.rebuildTimeGrowth", "ratios.rebuildWorkGrowth", "ratios.rebuildToKafkaConsume",
            "ratios.intakeToBareWebFlux", "ratios.intakeToMongoInsert", "ratios.propagationP99ToKafkaE2eP99",
            "profile.pipeline.samples", "profile.pipeline.hotMethods", "profile.pipeline.codeBases",
            "profile.rebuild.samples", "profile.rebuild.hotMethods", "profile.rebuild.codeBases");

    @Test
    @Timeout(180)
    void aTinyRunWritesEveryFigureAndRatio() throws Exception {
        Path target = Path.of("target", "smoke");
        List<String> progress = new ArrayList<>();

        new Benchmarks(BenchmarkPlan.smoke(), target, progress::add).run();

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(target.resolve("benchmarks.json")));
        assertThat(json.path("errors").isMissingNode()).as("phases that failed: %s", json.path("errors")).isTrue();
        assertThat(FIGURES).allSatisfy(figure -> assertThat(at(json, figure).isMissingNode() || at(json, figure).isNull())
                .as("%s in %s", figure, json).isFalse());
        assertThat(json.at("/investflow/pipeline/failed").asLong()).isZero();
        assertThat(json.at("/investflow/intake/failed").asLong()).isZero();
        // the CPU profiles sampled (async-profiler's library loaded and one of its CPU events started)
        assertThat(json.at("/profile/pipeline/samples").asLong()).as("%s", json.at("/profile")).isPositive();
        assertThat(json.at("/profile/intake/cpuMsPerSubmission").asDouble()).isPositive();
        // the rebuilt read model held exactly the generated cases on top of the earlier phases' (else no figure)
        assertThat(json.at("/investflow/rebuild/mediumCases").asLong() - json.at("/investflow/rebuild/baseline/cases").asLong())
                .isEqualTo(BenchmarkPlan.smoke().rebuildSizes().get(1).longValue());
        assertThat(progress).isNotEmpty();
    }

    private static JsonNode at(JsonNode json, String dotted) {
        return json.at("/" + dotted.replace('.', '/'));
    }
}
