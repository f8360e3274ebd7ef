package org.investflow.tracking.pipeline;

/**
 * One row of the funnel.
 *
 * @param current cases whose current stage this is
 * @param reached cases that entered this stage at any time (also those that moved on since)
 */
public record FunnelStage(PipelineStage stage, long current, long reached) {
}
