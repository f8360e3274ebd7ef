package org.investflow.tracking.pipeline.web;

import java.math.BigDecimal;
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
                               CaseProfile profile, Committed committed, Realised realised,
                               CaseFact.JobsToDate jobsToDate, Instant constructionStartedAt) {

    static PipelineCaseView of(PipelineCase pipelineCase) {
        return new PipelineCaseView(pipelineCase.caseId(), pipelineCase.investorId(), pipelineCase.stage(),
                pipelineCase.enteredAt(), pipelineCase.profile(), Committed.of(pipelineCase.committed()),
                Realised.of(pipelineCase.realised()), pipelineCase.jobsToDate(), pipelineCase.constructionStartedAt());
    }

    /** The latest executed contract's commitment. */
    public record Committed(BigDecimal amount, String currency, int jobs, Instant at) {

        static Committed of(CaseFact.Committed fact) {
            return fact == null ? null : new Committed(fact.capital().amount(), fact.capital().currency(), fact.jobs(), fact.at());
        }
    }

    /** The capital realised so far. */
    public record Realised(BigDecimal amount, String currency, Instant at) {

        static Realised of(CaseFact.Realised fact) {
            return fact == null ? null : new Realised(fact.capital().amount(), fact.capital().currency(), fact.at());
        }
    }
}
