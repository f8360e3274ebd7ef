package org.investflow.signing.envelope;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * One place on an envelope's signing order, and who signed it when.
 *
 * @param order          the place's number, 1 first; links name the place by it
 * @param group          the step of the signing order the place belongs to, 1 first: the places of
 *                       one group sign in parallel, in any order, once every place of the groups
 *                       before signed; null in envelopes stored before groups (then the order is the step)
 * @param role           the capacity the signer signs in
 * @param requiredUserId the only user who may sign here; a place without one is signed by nobody. For
 *                       a district representative, who is no platform user, their configured address
 * @param name           the signer's configured name (district representatives), null for platform users
 * @param address        where their links and codes go; null for platform users (then the signer-address template)
 * @param signedBy       who signed, null until then
 * @param typedName      the name the signer typed as their signature
 * @param signedAt       when they signed, null until then
 * @param turnStartedAt  when their turn started (the envelope was sent to them), null before
 * @param deadline       when their turn ends unsigned: the envelope expires; null before their turn
 * @param nextReminderAt when they are reminded next, null when no reminder is due
 * @param remindersSent  how many reminders they were sent
 */
public record Signer(int order, Integer group, SignerRole role, String requiredUserId, String name, String address, String signedBy,
                     String typedName, Instant signedAt, Instant turnStartedAt, Instant deadline, Instant nextReminderAt,
                     int remindersSent) {

    public Signer {
        Objects.requireNonNull(role, "role");
        if (order < 1) {
            throw new IllegalArgumentException("signing order starts at 1");
        }
    }

    /** A place as envelopes stored before groups kept it: its order is its step. */
    static Signer awaiting(int order, SignerRole role, String requiredUserId) {
        return awaiting(order, null, role, requiredUserId);
    }

    static Signer awaiting(int order, Integer group, SignerRole role, String requiredUserId) {
        return new Signer(order, group, role, requiredUserId, null, null, null, null, null, null, null, null, 0);
    }

    /** A place for someone who is no platform user: known by a name and the address that is their identity. */
    static Signer awaiting(int order, int group, SignerRole role, DistrictRepresentative representative) {
        return new Signer(order, group, role, representative.email(), representative.name(), representative.email(), null, null,
                null, null, null, null, 0);
    }

    /** The step of the signing order this place signs in (its group; its order in envelopes stored before groups). */
    public int step() {
        return group != null && group > 0 ? group : order;
    }

    /** Where this signer's links and codes are mailed. */
    String addressAt(SigningDesk desk) {
        return address != null ? address : desk.addressOf(requiredUserId);
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
        return new Signer(order, group, role, requiredUserId, this.name, address, userId, name, at, turnStartedAt, deadline, null,
                remindersSent);
    }

    Signer turnStarted(Instant now, SigningPolicy policy) {
        return new Signer(order, group, role, requiredUserId, name, address, signedBy, typedName, signedAt, now,
                now.plus(policy.signingPeriod()), now.plus(policy.firstReminder()), remindersSent);
    }

    Signer reminded(Instant now, SigningPolicy policy) {
        return new Signer(order, group, role, requiredUserId, name, address, signedBy, typedName, signedAt, turnStartedAt,
                deadline, now.plus(policy.reminderEvery()), remindersSent + 1);
    }

    boolean isReminderDue(Instant now) {
        return nextReminderAt != null && !nextReminderAt.isAfter(now) && deadline.isAfter(now);
    }

    boolean isOverdue(Instant now) {
        return deadline != null && !deadline.isAfter(now);
    }

    /** When the watch must look at this signer in turn next: their next reminder, or their deadline. */
    Instant nextWatchAt() {
        return nextReminderAt != null && nextReminderAt.isBefore(deadline) ? nextReminderAt : deadline;
    }
}
