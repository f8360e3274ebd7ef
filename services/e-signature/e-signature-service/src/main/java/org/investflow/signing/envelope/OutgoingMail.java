package org.investflow.signing.envelope;

import java.time.Instant;
import java.util.Objects;

/**
 * A mail an envelope queued for delivery, stored with the envelope in the same write as the change
 * that caused it (mail outbox); the delivery job sends it and removes it. Until then it holds the
 * link or code it carries, which the envelope itself keeps only as hashes.
 *
 * @param mailId   UUID, so a delivery removes exactly what it sent
 * @param kind     INVITATION, REMINDER or CODE
 */
public record OutgoingMail(String mailId, String kind, String to, String subject, String text, Instant queuedAt) {

    public OutgoingMail {
        Objects.requireNonNull(mailId, "mailId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
