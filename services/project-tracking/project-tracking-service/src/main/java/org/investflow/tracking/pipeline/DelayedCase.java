package org.investflow.tracking.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * A case whose project is delayed, for leadership's list (filterable like the funnel).
 *
 * @param overdueMilestones the milestones overdue, as the latest {@code ProjectDelayed} named them
 * @param since             when that delay fact was published
 */
public record DelayedCase(String caseId, PipelineStage stage, CaseProfile profile, List<String> overdueMilestones, Instant since) {

    static DelayedCase of(PipelineCase pipelineCase) {
        return new DelayedCase(pipelineCase.caseId(), pipelineCase.stage(), pipelineCase.profile(),
                pipelineCase.delay().overdue(), pipelineCase.delay().at());
    }
}
