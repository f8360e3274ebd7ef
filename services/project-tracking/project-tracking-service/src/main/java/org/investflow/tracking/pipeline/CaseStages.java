package org.investflow.tracking.pipeline;

import java.util.Map;
import java.util.Set;

/**
 * What the funnel reads of one case: the stage it is in, the stages it entered, and the seconds it spent
 * in each stage it left (the kept {@code secondsInStage}).
 *
 * @param stage          the current stage; null for a case with no stage yet
 * @param reached        every stage the case entered
 * @param secondsInStage per stage the case left, the seconds it spent there
 */
public record CaseStages(PipelineStage stage, Set<PipelineStage> reached, Map<PipelineStage, Long> secondsInStage) {
}
