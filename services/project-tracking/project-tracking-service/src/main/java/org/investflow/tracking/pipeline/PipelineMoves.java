package org.investflow.tracking.pipeline;

import java.util.Map;

/** Told of every stored change of a case, so that metrics can count transitions and stage durations. */
public interface PipelineMoves {

    /**
     * A case changed: its stage went from {@code from} (null for a new case) to {@code to} (equal when it
     * did not move), and it now knows {@code after} time in stage where it knew {@code before}.
     */
    void moved(PipelineStage from, PipelineStage to, Map<PipelineStage, Long> before, Map<PipelineStage, Long> after);

    /** One change of a case, reported once the batch that made it is stored. */
    record Move(PipelineStage from, PipelineStage to, Map<PipelineStage, Long> before, Map<PipelineStage, Long> after) {

        void report(PipelineMoves moves) {
            moves.moved(from, to, before, after);
        }
    }
}
