package org.investflow.intake.intention;

import java.time.Instant;
import java.util.Objects;

/**
 * How an intention was closed: who decided and when, and for a rejection the reason code and text.
 *
 * @param by            the deciding officer, the withdrawing investor, or {@code investflow} for screening
 * @param reason        the rejection reason; null for an acceptance or a withdrawal
 * @param reasonText    the rejection's explanation; null for an acceptance or a withdrawal
 */
public record Decision(Instant at, String by, RejectionReason reason, String reasonText) {

    public Decision {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }

    /** An acceptance or a withdrawal. */
    static Decision by(String userId, Instant now) {
        return new Decision(now, userId, null, null);
    }

    /** A rejection, citing why. */
    static Decision rejection(String userId, RejectionReason reason, String text, Instant now) {
        return new Decision(now, userId, Objects.requireNonNull(reason, "reason"), text);
    }
}
