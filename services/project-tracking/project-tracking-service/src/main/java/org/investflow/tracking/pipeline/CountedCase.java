package org.investflow.tracking.pipeline;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the tallies count of a case ({@link CaseTallies#of(CountedCase)}), and nothing else: a few hundred bytes. A case's
 * tally outbox ({@link PendingTally}) keeps it as it was before a batch, from which the batch's increments follow.
 */
public record CountedCase(PipelineStage stage, CaseProfile profile, Map<PipelineStage, Instant> enteredAt,
                          Map<PipelineStage, Long> secondsInStage, Instant openedAt, Instant movedAt,
                          CaseFact.Committed committed, CaseFact.Realised realised, CaseFact.JobsToDate jobsToDate,
                          Instant constructionStartedAt) {

    public CountedCase {
        enteredAt = inFunnelOrder(enteredAt);
        secondsInStage = inFunnelOrder(secondsInStage);
    }

    private static <V> Map<PipelineStage, V> inFunnelOrder(Map<PipelineStage, V> byStage) {
        return byStage == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(byStage));
    }
}
