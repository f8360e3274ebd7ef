package org.investflow.tracking.observability;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.investflow.tracking.pipeline.PipelineMoves;
import org.investflow.tracking.pipeline.PipelineStage;
import org.springframework.stereotype.Component;

/**
 * Counts stage transitions ({@code investflow_pipeline_transitions_total{from,to}}: at most 11 × 10
 * series) and records each stage duration once, when it first becomes known
 * ({@code investflow_pipeline_stage_duration_seconds{stage}}, a histogram of 10 series registered at
 * start so dashboards see them before the first case moves). A redelivered or late event that only
 * refines an earlier duration is not recorded again.
 */
@Component
class PipelineMetrics implements PipelineMoves {

    static final String TRANSITIONS = "investflow.pipeline.transitions";
    static final String STAGE_DURATION = "investflow.pipeline.stage.duration";

    private final MeterRegistry meters;

    PipelineMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (PipelineStage stage : PipelineStage.values()) {
            duration(stage);
        }
    }

    @Override
    public void moved(PipelineStage from, PipelineStage to, Map<PipelineStage, Long> before, Map<PipelineStage, Long> after) {
        if (from != to) {
            Counter.builder(TRANSITIONS).description("cases that moved from one funnel stage to another")
                    .tag("from", from == null ? "NONE" : from.name()).tag("to", to.name()).register(meters).increment();
        }
        after.forEach((stage, seconds) -> {
            if (!before.containsKey(stage)) {
                duration(stage).record(Duration.ofSeconds(seconds));
            }
        });
    }

    private Timer duration(PipelineStage stage) {
        return Timer.builder(STAGE_DURATION).description("time a case spent in a funnel stage before it left it")
                .tag("stage", stage.name()).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofHours(1)).maximumExpectedValue(Duration.ofDays(730)).register(meters);
    }
}
