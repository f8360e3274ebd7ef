package org.investflow.tracking.pipeline;

import reactor.core.publisher.Mono;

/** Counts of cases by stage, answered by the store without reading any case. */
public interface StageCounts {

    /** Cases whose current stage is {@code stage}. */
    Mono<Long> current(PipelineStage stage);

    /** Cases that entered {@code stage} at any time. */
    Mono<Long> reached(PipelineStage stage);
}
