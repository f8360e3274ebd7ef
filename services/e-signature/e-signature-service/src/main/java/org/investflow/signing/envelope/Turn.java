package org.investflow.signing.envelope;

import java.time.Instant;
import java.util.Objects;

/**
 * One signer's turn: when it started, when it ends unsigned (the envelope then expires) and the
 * reminders mailed before that, on the cadence of the {@link SigningPolicy}.
 *
 * @param startedAt      when the envelope was sent to the signer
 * @param deadline       when their turn ends unsigned
 * @param nextReminderAt when they are reminded next; null once they signed
 * @param remindersSent  how many reminders they were sent
 */
public record Turn(Instant startedAt, Instant deadline, Instant nextReminderAt, int remindersSent) {

    public Turn {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(deadline, "deadline");
    }

    /** A turn starting {@code now}: its deadline and first reminder counted from now. */
    static Turn startingAt(Instant now, SigningPolicy policy) {
        return new Turn(now, now.plus(policy.signingPeriod()), now.plus(policy.firstReminder()), 0);
    }

    /** After a reminder mailed {@code now}: the next one is due a reminder interval later. */
    Turn reminded(Instant now, SigningPolicy policy) {
        return new Turn(startedAt, deadline, now.plus(policy.reminderEvery()), remindersSent + 1);
    }

    /** The turn of a signer who signed: no more reminders. */
    Turn done() {
        return new Turn(startedAt, deadline, null, remindersSent);
    }

    boolean isReminderDue(Instant now) {
        return nextReminderAt != null && !nextReminderAt.isAfter(now) && deadline.isAfter(now);
    }

    boolean isOverdue(Instant now) {
        return !deadline.isAfter(now);
    }

    /** When the watch must look at this turn next: its next reminder, or its deadline. */
    Instant nextWatchAt() {
        return nextReminderAt != null && nextReminderAt.isBefore(deadline) ? nextReminderAt : deadline;
    }
}
