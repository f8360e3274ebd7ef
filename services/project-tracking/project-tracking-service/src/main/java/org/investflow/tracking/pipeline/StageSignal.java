package org.investflow.tracking.pipeline;

import java.time.Instant;
import java.util.Objects;

/**
 * What one upstream fact means for the funnel: its case entered {@code stage} at {@code at}.
 *
 * @param profile the case's profile when the fact carries it (the intention), otherwise null
 */
public record StageSignal(PipelineStage stage, String investorId, Instant at, CaseProfile profile) implements CaseFact {

    public StageSignal {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(at, "at");
    }
}
