package org.investflow.tracking.pipeline.persistence;

import java.time.Instant;

import org.investflow.tracking.pipeline.CaseStages;
import org.investflow.tracking.pipeline.PipelineCase;
import org.investflow.tracking.pipeline.PipelineFilter;
import org.investflow.tracking.pipeline.PipelineStage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Figures of the pipeline read model, answered by the store from the cases' documents (never from events). */
public interface StageCounts {

    /** Cases of {@code filter} whose current stage is {@code stage}. */
    Mono<Long> current(PipelineStage stage, PipelineFilter filter);

    /**
     * The stages and kept durations of every case of {@code filter}, in no order: what the funnel adds up. Read in one
     * pass, as a few large answers rather than one per case.
     */
    Flux<CaseStages> stages(PipelineFilter filter);

    /** How many cases still in the funnel entered their current stage before {@code movedBefore}. */
    Mono<Long> countStalled(Instant movedBefore);

    /** Cases of {@code filter} still in the funnel whose current stage was entered before {@code movedBefore}, longest waiting first. */
    Flux<PipelineCase> stalled(Instant movedBefore, PipelineFilter filter, int limit);

    /** Cases of {@code filter} whose project is delayed now, the least recently changed delay first. */
    Flux<PipelineCase> delayed(PipelineFilter filter, int limit);

    /**
     * Every case of {@code filter} with an executed contract, the period of {@code filter} applied to its first signing;
     * only what the commission's figures read is loaded (entry times and the kept figures, not the inbox or profile).
     */
    Flux<PipelineCase> contracted(PipelineFilter filter);

    /** Every case of {@code filter} that has a known fact, by when it was opened, then by case id (a stable order). */
    Flux<PipelineCase> cases(PipelineFilter filter);
}
