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

    /**
     * As {@link #of(List, double)} for a histogram: per bucket (in ascending order of their values) the count and the sum
     * of its values; the answer is the mean of the bucket that holds the nearest rank, rounded to a whole number.
     */
    static Long of(java.util.SortedMap<Long, long[]> buckets, double p) {
        long size = buckets.values().stream().mapToLong(bucket -> bucket[0]).sum();
        if (size == 0) {
            return null;
        }
        long rank = Math.max((long) Math.ceil(p * size), 1);
        long seen = 0;
        for (long[] bucket : buckets.values()) {
            seen += bucket[0];
            if (bucket[0] > 0 && seen >= rank) {
                return Math.round((double) bucket[1] / bucket[0]);
            }
        }
        throw new IllegalStateException("a histogram of " + size + " values without rank " + rank);
    }

    /** The zero-based index of the nearest rank. */
    private static int rank(int size, double p) {
        return Math.max((int) Math.ceil(p * size), 1) - 1;
    }
}
