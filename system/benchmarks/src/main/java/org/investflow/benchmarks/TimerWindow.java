package org.investflow.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;

/**
 * What a service's timer (with a percentile histogram) recorded between {@link #open} and {@link #close}: its count,
 * mean and percentiles from the difference of the two snapshots' bucket counts (each percentile is the upper bound of
 * its bucket; Micrometer's buckets are ~10 % apart), so that what a phase measures is not mixed with earlier phases.
 */
final class TimerWindow {

    private final Supplier<Timer> timer;
    private final HistogramSnapshot before;

    private TimerWindow(Supplier<Timer> timer, HistogramSnapshot before) {
        this.timer = timer;
        this.before = before;
    }

    /** {@code timer} answers the timer, or null while none was registered yet (none recorded). */
    static TimerWindow open(Supplier<Timer> timer) {
        Timer now = timer.get();
        return new TimerWindow(timer, now == null ? null : now.takeSnapshot());
    }

    /** What was recorded since {@link #open}. */
    Recorded close() {
        Timer now = timer.get();
        if (now == null) {
            return new Recorded(0, 0, new double[0], new long[0]);
        }
        HistogramSnapshot after = now.takeSnapshot();
        CountAtBucket[] buckets = after.histogramCounts();
        long[] counts = new long[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            counts[i] = (long) buckets[i].count() - (before == null ? 0 : (long) before.histogramCounts()[i].count());
        }
        double[] bounds = new double[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            bounds[i] = buckets[i].bucket(TimeUnit.MILLISECONDS);
        }
        long count = after.count() - (before == null ? 0 : before.count());
        double total = after.total(TimeUnit.MILLISECONDS) - (before == null ? 0 : before.total(TimeUnit.MILLISECONDS));
        return new Recorded(count, count == 0 ? 0 : total / count, bounds, counts);
    }

    /** Count, mean (ms) and the cumulative bucket counts recorded in the window. */
    record Recorded(long count, double meanMs, double[] boundsMs, long[] cumulative) {

        /** The upper bound (ms) of the bucket holding the {@code percentile} (0–100); NaN if nothing was recorded. */
        double percentileMs(double percentile) {
            if (count == 0) {
                return Double.NaN;
            }
            double rank = Math.ceil(count * percentile / 100.0);
            for (int i = 0; i < cumulative.length; i++) {
                if (cumulative[i] >= rank) {
                    return boundsMs[i];
                }
            }
            return Double.POSITIVE_INFINITY;
        }
    }
}
