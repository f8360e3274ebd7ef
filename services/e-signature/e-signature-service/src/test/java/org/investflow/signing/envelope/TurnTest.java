package org.investflow.signing.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A signer's turn: deadline and reminder cadence under the standard policy (14 days, first reminder after 5, then every 2). */
class TurnTest {

    static final Instant START = Instant.parse("2026-04-10T09:00:00Z");
    static final SigningPolicy POLICY = SigningPolicy.standard();

    @Test
    void aTurnStartsWithItsDeadlineAndFirstReminderCountedFromItsStart() {
        Turn turn = Turn.startingAt(START, POLICY);
        assertThat(turn.deadline()).isEqualTo(START.plus(Duration.ofDays(14)));
        assertThat(turn.nextReminderAt()).isEqualTo(START.plus(Duration.ofDays(5)));
        assertThat(turn.remindersSent()).isZero();
        assertThat(turn.nextWatchAt()).isEqualTo(turn.nextReminderAt());
    }

    @ParameterizedTest(name = "day {0}: reminder due {1}, overdue {2}")
    @CsvSource({"0, false, false", "4, false, false", "5, true, false", "13, true, false", "14, false, true", "20, false, true"})
    void remindersAreDueFromTheirTimeUntilTheDeadlineThenTheTurnIsOverdue(int day, boolean reminderDue, boolean overdue) {
        Turn turn = Turn.startingAt(START, POLICY);
        Instant now = START.plus(Duration.ofDays(day));
        assertThat(turn.isReminderDue(now)).isEqualTo(reminderDue);
        assertThat(turn.isOverdue(now)).isEqualTo(overdue);
    }

    @Test
    void aReminderCountsAndSchedulesTheNextOneOnTheCadence() {
        Instant fifthDay = START.plus(Duration.ofDays(5));
        Turn reminded = Turn.startingAt(START, POLICY).reminded(fifthDay, POLICY);
        assertThat(reminded.remindersSent()).isEqualTo(1);
        assertThat(reminded.nextReminderAt()).isEqualTo(fifthDay.plus(Duration.ofDays(2)));
        assertThat(reminded.isReminderDue(fifthDay)).isFalse();
    }

    @Test
    void whenNoReminderFallsBeforeTheDeadlineTheWatchLooksAtTheDeadline() {
        Turn late = new Turn(START, START.plus(Duration.ofDays(14)), START.plus(Duration.ofDays(15)), 4);
        assertThat(late.nextWatchAt()).isEqualTo(START.plus(Duration.ofDays(14)));
    }

    @Test
    void aDoneTurnIsNeverRemindedAgain() {
        Turn done = Turn.startingAt(START, POLICY).done();
        assertThat(done.isReminderDue(START.plus(Duration.ofDays(6)))).isFalse();
        assertThat(done.nextWatchAt()).isEqualTo(done.deadline());
    }

    @Test
    void aTurnNeedsAStartAndADeadline() {
        assertThatThrownBy(() -> new Turn(null, START, null, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Turn(START, null, null, 0)).isInstanceOf(NullPointerException.class);
    }
}
