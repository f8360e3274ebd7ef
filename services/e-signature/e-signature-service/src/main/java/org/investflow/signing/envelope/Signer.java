package org.investflow.signing.envelope;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * One place on an envelope's signing order, and who signed it when.
 *
 * @param order          1 signs first
 * @param role           the capacity the signer signs in
 * @param requiredUserId the only user who may sign here; a place without one is signed by nobody
 * @param signedBy       who signed, null until then
 * @param typedName      the name the signer typed as their signature
 * @param signedAt       when they signed, null until then
 * @param turnStartedAt  when their turn started (the envelope was sent to them), null before
 * @param deadline       when their turn ends unsigned: the envelope expires; null before their turn
 * @param nextReminderAt when they are reminded next, null when no reminder is due
 * @param remindersSent  how many reminders they were sent
 */
public record Signer(int order, SignerRole role, String requiredUserId, String signedBy, String typedName,
                     Instant signedAt, Instant turnStartedAt, Instant deadline, Instant nextReminderAt, int remindersSent) {

    public Signer {
        Objects.requireNonNull(role, "role");
        if (order < 1) {
            throw new IllegalArgumentException("signing order starts at 1");
        }
    }

    static Signer awaiting(int order, SignerRole role, String requiredUserId) {
        return new Signer(order, role, requiredUserId, null, null, null, null, null, null, 0);
    }

    public boolean hasSigned() {
        return signedAt != null;
    }

    /** Fails closed: an envelope stored before its signers were named lets nobody sign in their place. */
    boolean mayBeSignedBy(String userId) {
        return requiredUserId != null && requiredUserId.equals(userId);
    }

    /** The signer as an actor: their user id, in the role that signs in their capacity. */
    Actor actor() {
        return new Actor(requiredUserId, role.actingRole());
    }

    Signer signed(String userId, String name, Instant at) {
        return new Signer(order, role, requiredUserId, userId, name, at, turnStartedAt, deadline, null, remindersSent);
    }

    Signer turnStarted(Instant now, SigningPolicy policy) {
        return new Signer(order, role, requiredUserId, signedBy, typedName, signedAt, now, now.plus(policy.signingPeriod()),
                now.plus(policy.firstReminder()), remindersSent);
    }

    Signer reminded(Instant now, SigningPolicy policy) {
        return new Signer(order, role, requiredUserId, signedBy, typedName, signedAt, turnStartedAt, deadline,
                now.plus(policy.reminderEvery()), remindersSent + 1);
    }

    boolean isReminderDue(Instant now) {
        return nextReminderAt != null && !nextReminderAt.isAfter(now) && deadline.isAfter(now);
    }

    boolean isOverdue(Instant now) {
        return deadline != null && !deadline.isAfter(now);
    }
}
