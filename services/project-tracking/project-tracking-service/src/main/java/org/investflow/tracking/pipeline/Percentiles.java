package org.investflow.tracking.pipeline;

import java.util.List;

/** Nearest-rank percentiles of a sample: the value below or at which {@code p} of the sample lies; no interpolation. */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code p}-th percentile (0 &lt; p ≤ 1) of {@code sorted}, or null for an empty sample. */
    static Long of(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
