package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ActivityTest {

    static final Instant OPENED = Instant.parse("2026-03-10T02:30:00Z");
    static final Duration PERIOD = Duration.ofDays(30);

    @Test
    void aChangeByTheTableCountsAsActivityAndAsARevision() {
        Activity activity = new Activity(OPENED);
        activity.touch(OPENED.plus(Duration.ofDays(29)));
        assertThat(activity.revision()).isEqualTo(1);
        assertThat(activity.idleFor(PERIOD, OPENED.plus(Duration.ofDays(45)))).isFalse();
        assertThat(activity.idleFor(PERIOD, OPENED.plus(Duration.ofDays(60)))).isTrue();
    }

    @Test
    void anEscalationIsARevisionButNoActivity() {
        Activity activity = new Activity(OPENED);
        activity.changed();
        assertThat(activity.revision()).isEqualTo(1);
        assertThat(activity.lastAt()).isEqualTo(OPENED);
    }

    @Test
    void aStaleRevisionIsRefusedAndNoneIsNotChecked() {
        Activity activity = new Activity(OPENED);
        activity.touch(OPENED);
        assertThatThrownBy(() -> activity.requireRevision(0L, "CQ-2026-000123"))
                .isInstanceOf(StaleRevisionException.class).hasMessageContaining("revision 1, not 0");
        assertThatCode(() -> activity.requireRevision(1L, "CQ-2026-000123")).doesNotThrowAnyException();
        assertThatCode(() -> activity.requireRevision(null, "CQ-2026-000123")).doesNotThrowAnyException();
    }
}
