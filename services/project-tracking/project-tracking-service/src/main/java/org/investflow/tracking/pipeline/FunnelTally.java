package org.investflow.tracking.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adds up cases one by one into the {@link Funnel}: per stage the current and reached counts and every time
 * spent in it, kept as primitive arrays so that the exact nearest-rank percentiles can be taken at the end
 * (a million cases leaving six stages each hold 48 MB at most, once, while the answer is computed).
 */
final class FunnelTally {

    private static final PipelineStage[] STAGES = PipelineStage.values();

    private final long[] current = new long[STAGES.length];
    private final long[] reached = new long[STAGES.length];
    private final long[][] seconds = new long[STAGES.length][16];
    private final int[] left = new int[STAGES.length];

    /** Adds one case: its current stage, the stages it reached, the seconds it spent in each stage it left. */
    FunnelTally add(CaseStages stages) {
        if (stages.stage() != null) {
            current[stages.stage().ordinal()]++;
        }
        stages.reached().forEach(stage -> reached[stage.ordinal()]++);
        stages.secondsInStage().forEach(this::addSeconds);
        return this;
    }

    private void addSeconds(PipelineStage stage, long spent) {
        int index = stage.ordinal();
        if (left[index] == seconds[index].length) {
            seconds[index] = Arrays.copyOf(seconds[index], seconds[index].length * 2);
        }
        seconds[index][left[index]++] = spent;
    }

    Funnel funnel() {
        List<FunnelStage> rows = new ArrayList<>(STAGES.length);
        for (PipelineStage stage : STAGES) {
            int index = stage.ordinal();
            long[] sorted = Arrays.copyOf(seconds[index], left[index]);
            Arrays.sort(sorted);
            rows.add(new FunnelStage(stage, current[index], reached[index], conversion(stage, reached),
                    Percentiles.of(sorted, 0.5), Percentiles.of(sorted, 0.9)));
        }
        return new Funnel(rows);
    }

    /** Reached here ÷ reached at the stage before (4 decimals); null for the first stage or an empty predecessor. */
    static BigDecimal conversion(PipelineStage stage, long[] reached) {
        long from = stage.predecessor().map(before -> reached[before.ordinal()]).orElse(0L);
        return from == 0 ? null
                : BigDecimal.valueOf(reached[stage.ordinal()]).divide(BigDecimal.valueOf(from), 4, RoundingMode.HALF_UP);
    }
}
