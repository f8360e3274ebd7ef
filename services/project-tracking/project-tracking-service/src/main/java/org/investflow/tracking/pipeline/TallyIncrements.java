package org.investflow.tracking.pipeline;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * What to add to the fields of one tally document: counts and money amounts (exact decimals), by field path.
 * A case's contribution is added when it is first counted, and subtracted (negated) when it changes.
 */
public final class TallyIncrements {

    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, BigDecimal> amounts = new TreeMap<>();
    /** The earliest and latest epoch day counted (kept as the lowest and highest ever seen, never subtracted). */
    private Long firstDay;
    private Long lastDay;

    void count(String field, long by) {
        counts.merge(field, by, Long::sum);
    }

    void amount(String field, BigDecimal by) {
        amounts.merge(field, by, BigDecimal::add);
    }

    void extent(long epochDay) {
        firstDay = firstDay == null ? epochDay : Math.min(firstDay, epochDay);
        lastDay = lastDay == null ? epochDay : Math.max(lastDay, epochDay);
    }

    /** Adds {@code other} times {@code sign} (1 or -1) to this. */
    void add(TallyIncrements other, int sign) {
        other.counts.forEach((field, by) -> count(field, sign * by));
        other.amounts.forEach((field, by) -> amount(field, sign < 0 ? by.negate() : by));
        if (sign > 0 && other.firstDay != null) {
            extent(other.firstDay);
            extent(other.lastDay);
        }
    }

    /** Whether every increment is zero (nothing to write). */
    boolean isEmpty() {
        return firstDay == null && counts.values().stream().allMatch(by -> by == 0) && amounts.values().stream().allMatch(by -> by.signum() == 0);
    }

    /** The earliest epoch day counted, or null. */
    public Long firstDay() {
        return firstDay;
    }

    /** The latest epoch day counted, or null. */
    public Long lastDay() {
        return lastDay;
    }

    /** The non-zero counts by field path. */
    public Map<String, Long> counts() {
        Map<String, Long> nonZero = new TreeMap<>(counts);
        nonZero.values().removeIf(by -> by == 0);
        return nonZero;
    }

    /** The non-zero amounts by field path. */
    public Map<String, BigDecimal> amounts() {
        Map<String, BigDecimal> nonZero = new TreeMap<>(amounts);
        nonZero.values().removeIf(by -> by.signum() == 0);
        return nonZero;
    }
}
