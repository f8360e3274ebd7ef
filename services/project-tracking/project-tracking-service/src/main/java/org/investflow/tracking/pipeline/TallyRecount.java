package org.investflow.tracking.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/** Adds up what every stored case counts in the tallies, one case at a time (a recount of the tallies). */
final class TallyRecount {

    private final CaseTallies tallies;
    private final Map<String, TallyIncrements> totals = new LinkedHashMap<>();
    private long cases;

    TallyRecount(CaseTallies tallies) {
        this.tallies = tallies;
    }

    TallyRecount add(PipelineCase pipelineCase) {
        CaseTallies.addTo(totals, tallies.of(pipelineCase), 1);
        cases++;
        return this;
    }

    Map<String, TallyIncrements> totals() {
        totals.values().removeIf(TallyIncrements::isEmpty);
        return totals;
    }

    long cases() {
        return cases;
    }
}
