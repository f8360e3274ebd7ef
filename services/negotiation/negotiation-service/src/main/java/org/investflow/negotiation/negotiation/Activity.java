package org.investflow.negotiation.negotiation;

import java.time.Duration;
import java.time.Instant;

/**
 * What happened at the table lately: when the parties last acted (the inactivity rule reads it) and how
 * many changes a client could see, the {@code revision} the API hands out as ETag. The revision is not the
 * optimistic-lock version: the outbox relay bumps that when it removes a published event, which would make
 * a client's freshly received ETag stale although nothing it can see changed.
 */
public class Activity {

    private long revision;
    private Instant lastAt;

    /** The activity of a negotiation opened at {@code lastAt}, before any change. */
    Activity(Instant lastAt) {
        this.lastAt = lastAt;
    }

    /** A party or a leader acted: a visible change that also counts against inactivity. */
    void touch(Instant now) {
        lastAt = now;
        revision++;
    }

    /** A visible change nobody at the table made (an escalation): the inactivity clock keeps running. */
    void changed() {
        revision++;
    }

    /** Whether nothing happened for longer than {@code period} before {@code now}. */
    boolean idleFor(Duration period, Instant now) {
        return lastAt.isBefore(now.minus(period));
    }

    /** Refuses a command based on a revision that is no longer current ({@code If-Match}); null skips the check. */
    void requireRevision(Long expected, String caseId) {
        if (expected != null && expected != revision) {
            throw new StaleRevisionException(caseId, expected, revision);
        }
    }

    long revision() {
        return revision;
    }

    Instant lastAt() {
        return lastAt;
    }
}
