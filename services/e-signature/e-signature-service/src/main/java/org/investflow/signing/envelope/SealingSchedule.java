package org.investflow.signing.envelope;

import java.time.Duration;
import java.util.Objects;

/**
 * When a fully signed envelope's sealing is tried again: the in-process sealing right after the last signature has
 * {@code firstRetry} before the scheduled sweep takes over (a crash, another instance), and each failed attempt
 * (the time-stamping authority unreachable) doubles the wait, up to {@code maxRetry}.
 *
 * @param firstRetry the wait after the last signature, and after the first failure
 * @param maxRetry   the longest wait between two attempts
 */
public record SealingSchedule(Duration firstRetry, Duration maxRetry) {

    public SealingSchedule {
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("sealing retries need a positive first wait no longer than the longest");
        }
    }

    /** The defaults: 10 seconds, doubling up to 5 minutes. */
    public static SealingSchedule standard() {
        return new SealingSchedule(Duration.ofSeconds(10), Duration.ofMinutes(5));
    }

    /** The wait after the {@code failures}-th failed attempt (from 1): the first wait doubled per earlier failure, capped. */
    public Duration waitAfter(int failures) {
        Duration wait = firstRetry;
        for (int i = 1; i < failures && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) < 0 ? wait : maxRetry;
    }
}
