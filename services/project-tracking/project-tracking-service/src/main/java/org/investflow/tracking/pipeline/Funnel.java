package org.investflow.tracking.pipeline;

import java.util.List;

/** Leadership's funnel: one row per stage, in funnel order, exits last. */
public record Funnel(List<FunnelStage> stages) {

    public Funnel {
        stages = List.copyOf(stages);
    }
}
