package org.investflow.tracking.pipeline.web;

import java.time.Instant;
import java.util.Map;

import org.investflow.tracking.pipeline.CaseProfile;
import org.investflow.tracking.pipeline.PipelineCase;
import org.investflow.tracking.pipeline.PipelineStage;

/** One case's way through the funnel as the API shows it. */
public record PipelineCaseView(String caseId, String investorId, PipelineStage stage, Map<PipelineStage, Instant> enteredAt,
                               CaseProfile profile) {

    static PipelineCaseView of(PipelineCase pipelineCase) {
        return new PipelineCaseView(pipelineCase.caseId(), pipelineCase.investorId(), pipelineCase.stage(),
                pipelineCase.enteredAt(), pipelineCase.profile());
    }
}
