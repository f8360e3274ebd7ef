package org.investflow.tracking.pipeline.web;

import java.time.Instant;
import java.util.Map;

import org.investflow.tracking.pipeline.CaseFact;
import org.investflow.tracking.pipeline.CaseProfile;
import org.investflow.tracking.pipeline.PipelineCase;
import org.investflow.tracking.pipeline.PipelineStage;

/**
 * One case's way through the funnel as the API shows it, with the figures the commission's ratios read
 * (each null until its first fact arrives).
 *
 * @param committed  the latest executed contract's amount, currency and jobs
 * @param realised   the capital realised so far, in the committed currency
 * @param jobsToDate jobs created to date
 */
public record PipelineCaseView(String caseId, String investorId, PipelineStage stage, Map<PipelineStage, Instant> enteredAt,
                               CaseProfile profile, CaseFact.Committed committed, CaseFact.Realised realised,
                               CaseFact.JobsToDate jobsToDate, Instant constructionStartedAt) {

    static PipelineCaseView of(PipelineCase pipelineCase) {
        return new PipelineCaseView(pipelineCase.caseId(), pipelineCase.investorId(), pipelineCase.stage(),
                pipelineCase.enteredAt(), pipelineCase.profile(), pipelineCase.committed(), pipelineCase.realised(),
                pipelineCase.jobsToDate(), pipelineCase.constructionStartedAt());
    }
}
