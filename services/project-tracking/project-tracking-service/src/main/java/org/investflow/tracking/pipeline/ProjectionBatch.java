package org.investflow.tracking.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases of one batch of events as they change in memory, and what their changes add to the tallies: per tally
 * document, what the changed cases count after the batch minus what they counted before it. No store here (see
 * {@link PipelineProjection}), so the same code is checked against a recount in memory.
 */
final class ProjectionBatch {

    private final Map<String, PipelineCase> cases;
    private final CaseTallies tallies;
    private final Map<String, PipelineCase> changed = new LinkedHashMap<>();
    private final Map<String, CountedCase> before = new LinkedHashMap<>();
    private final List<PipelineMoves.Move> moves = new ArrayList<>();

    /** {@code stored}: the cases the batch names that are stored, by case id. */
    ProjectionBatch(Map<String, PipelineCase> stored, CaseTallies tallies) {
        this.cases = new LinkedHashMap<>(stored);
        this.tallies = tallies;
    }

    static List<String> caseIds(List<Fact> facts) {
        return facts.stream().map(Fact::caseId).distinct().toList();
    }

    void apply(Fact fact) {
        PipelineCase pipelineCase = cases.computeIfAbsent(fact.caseId(), PipelineCase::open);
        PipelineStage from = pipelineCase.stage();
        Map<PipelineStage, Long> knownDurations = pipelineCase.secondsInStage();
        CountedCase counted = before.containsKey(fact.caseId()) ? null : pipelineCase.counted();
        if (pipelineCase.apply(fact.eventId(), fact.facts())) {
            if (counted != null) {
                before.put(fact.caseId(), counted);
            }
            changed.put(fact.caseId(), pipelineCase);
            moves.add(new PipelineMoves.Move(from, pipelineCase.stage(), knownDurations, pipelineCase.secondsInStage()));
        }
    }

    /** The cases the batch changed. */
    Collection<PipelineCase> changed() {
        return changed.values();
    }

    /** What the tallies counted of changed case {@code caseId} before the batch. */
    CountedCase before(String caseId) {
        return before.get(caseId);
    }

    /** Every change of a case, in order. */
    List<PipelineMoves.Move> moves() {
        return moves;
    }

    /** Per tally document, what the changed cases now count minus what they counted before the batch. */
    Map<String, TallyIncrements> tallyIncrements() {
        return sum(tallyIncrementsByCase());
    }

    /** Per changed case whose change the tallies see, what it now counts minus what it counted before, by tally document. */
    Map<String, Map<String, TallyIncrements>> tallyIncrementsByCase() {
        Map<String, Map<String, TallyIncrements>> byCase = new LinkedHashMap<>();
        changed.forEach((caseId, pipelineCase) -> {
            Map<String, TallyIncrements> increments = tallies.change(before.get(caseId), pipelineCase.counted());
            if (!increments.isEmpty()) {
                byCase.put(caseId, increments);
            }
        });
        return byCase;
    }

    /** Per tally document, the sum of the cases' increments. */
    static Map<String, TallyIncrements> sum(Map<String, Map<String, TallyIncrements>> byCase) {
        Map<String, TallyIncrements> total = new LinkedHashMap<>();
        byCase.values().forEach(increments -> CaseTallies.addTo(total, increments, 1));
        total.values().removeIf(TallyIncrements::isEmpty);
        return total;
    }

    /** What one event means for its case. */
    record Fact(String caseId, String eventId, List<CaseFact> facts) {
    }
}
