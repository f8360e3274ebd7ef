package org.investflow.tracking.pipeline;

import java.math.BigDecimal;

/**
 * One row of the funnel.
 *
 * @param current      cases whose current stage this is
 * @param reached      cases that entered this stage at any time (also those that moved on since)
 * @param conversion   reached here ÷ reached at the stage before it (for an exit: the earliest stage it
 *                     leaves, see {@link PipelineStage#predecessor()}), 4
 *                     decimals; null for the first stage or when nothing reached the stage before
 * @param medianSeconds median time spent in this stage by the cases that left it (nearest rank); null when none left
 * @param p90Seconds   90th percentile of that time (nearest rank); null when none left
 */
public record FunnelStage(PipelineStage stage, long current, long reached, BigDecimal conversion, Long medianSeconds,
                          Long p90Seconds) {

    public FunnelStage(PipelineStage stage, long current, long reached) {
        this(stage, current, reached, null, null, null);
    }
}
