package org.investflow.negotiation.negotiation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class NotBeforeTodayValidatorTest {

    final NotBeforeTodayValidator validator = new NotBeforeTodayValidator(
            Clock.fixed(Instant.parse("2026-03-10T17:00:00Z"), ZoneId.of("Asia/Shanghai")));

    @Test
    void todayByTheInjectedClockAndLaterAreAccepted() {
        assertThat(validator.isValid(LocalDate.parse("2026-03-11"), null)).isTrue();
        assertThat(validator.isValid(LocalDate.parse("2026-12-31"), null)).isTrue();
    }

    @Test
    void yesterdayByTheInjectedClockIsRefused() {
        assertThat(validator.isValid(LocalDate.parse("2026-03-10"), null)).isFalse();
    }

    @Test
    void aMissingDateIsLeftToNotNull() {
        assertThat(validator.isValid(null, null)).isTrue();
    }
}
