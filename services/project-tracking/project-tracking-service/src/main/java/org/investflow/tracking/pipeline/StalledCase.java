package org.investflow.tracking.pipeline;

import java.time.Duration;
import java.time.Instant;

/**
 * A case that has not moved for longer than the configured time.
 *
 * @param since when it entered the stage it still is in
 * @param days  whole days it has waited there, by the service clock
 */
public record StalledCase(String caseId, PipelineStage stage, CaseProfile profile, Instant since, long days) {

    static StalledCase of(PipelineCase pipelineCase, Instant now) {
        return new StalledCase(pipelineCase.caseId(), pipelineCase.stage(), pipelineCase.profile(), pipelineCase.movedAt(),
                Duration.between(pipelineCase.movedAt(), now).toDays());
    }
}
