package org.investflow.tracking.pipeline;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline read model rebuilt in memory from a replay of the topics: the same case rules as the live
 * model ({@link CaseFacts}, {@link PipelineCase}), without the store and without counting transitions.
 * Holds one document per case until they are written out together.
 */
public final class ReadModelReplay {

    private final Map<String, PipelineCase> cases = new LinkedHashMap<>();
    private long applied;

    /** Applies one replayed event to its case; returns whether it meant anything (and was new to its case). */
    public boolean apply(String eventId, String caseId, Record data) {
        List<CaseFact> facts = CaseFacts.of(data);
        if (facts.isEmpty()) {
            return false;
        }
        boolean changed = cases.computeIfAbsent(caseId, PipelineCase::open).apply(eventId, facts);
        applied += changed ? 1 : 0;
        return changed;
    }

    /** Applies one replayed event to {@code pipelineCase} (a stored document); returns whether it changed it. */
    public static boolean applyTo(PipelineCase pipelineCase, String eventId, Record data) {
        List<CaseFact> facts = CaseFacts.of(data);
        return !facts.isEmpty() && pipelineCase.apply(eventId, facts);
    }

    /** A case the read model has not heard of yet. */
    public static PipelineCase open(String caseId) {
        return PipelineCase.open(caseId);
    }

    /** Every rebuilt case. */
    public Collection<PipelineCase> cases() {
        return cases.values();
    }

    /** How many events changed a case. */
    public long applied() {
        return applied;
    }
}
