package org.investflow.tracking;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service clock of every integration test: the real time in the commission's zone until a test
 * sets it, and again after the test resets it, so tests that do not care see today.
 */
public final class TestClock extends Clock {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    public void set(Instant instant) {
        fixed.set(instant);
    }

    public void reset() {
        fixed.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service clock keeps the commission's zone");
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
