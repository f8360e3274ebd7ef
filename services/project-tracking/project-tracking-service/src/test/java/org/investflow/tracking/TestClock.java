package org.investflow.tracking;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service clock of every integration test: the real time (UTC, as the platform's clock) until a
 * test sets it, and again after the test resets it, so tests that do not care see today. Seen in
 * another zone (the commission's calendar does), it is the same settable time.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> fixed;
    private final ZoneId zone;

    public TestClock() {
        this(new AtomicReference<>(), ZoneOffset.UTC);
    }

    private TestClock(AtomicReference<Instant> fixed, ZoneId zone) {
        this.fixed = fixed;
        this.zone = zone;
    }

    public void set(Instant instant) {
        fixed.set(instant);
    }

    public void reset() {
        fixed.set(null);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(fixed, other);
    }

    @Override
    public Instant instant() {
        Instant now = fixed.get();
        return now == null ? Instant.now() : now;
    }

    /** Puts the test clock in place of the service's. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
