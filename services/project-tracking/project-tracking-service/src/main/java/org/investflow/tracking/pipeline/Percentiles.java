package org.investflow.tracking.pipeline;

import java.util.List;

/** Nearest-rank percentiles of a sample: the value below or at which {@code p} of the sample lies; no interpolation. */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code p}-th percentile (0 &lt; p ≤ 1) of {@code sorted}, or null for an empty sample. */
    static Long of(List<Long> sorted, double p) {
        return sorted.isEmpty() ? null : sorted.get(rank(sorted.size(), p));
    }

    /** As {@link #of(List, double)} for a sorted primitive sample (what the funnel keeps). */
    static Long of(long[] sorted, double p) {
        return sorted.length == 0 ? null : sorted[rank(sorted.length, p)];
    }

    /** The zero-based index of the nearest rank. */
    private static int rank(int size, double p) {
        return Math.max((int) Math.ceil(p * size), 1) - 1;
    }
}
