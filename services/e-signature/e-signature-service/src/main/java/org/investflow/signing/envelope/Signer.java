package org.investflow.signing.envelope;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * One place on an envelope's signing order, and who signed it when.
 *
 * @param order          the place's number, 1 first; links name the place by it
 * @param group          the step of the signing order the place belongs to, 1 first: the places of
 *                       one group sign in parallel, in any order, once every place of the groups before signed
 * @param role           the capacity the signer signs in
 * @param requiredUserId the only user who may sign here. For a district representative, who is no
 *                       platform user, their configured address
 * @param name           the signer's configured name (district representatives), null for platform users
 * @param address        where their links and codes go; null for platform users (then the signer-address template)
 * @param signedBy       who signed, null until then
 * @param typedName      the name the signer typed as their signature
 * @param signedAt       when they signed, null until then
 * @param turn           their turn (deadline and reminders), null before it started
 */
public record Signer(int order, int group, SignerRole role, String requiredUserId, String name, String address, String signedBy,
                     String typedName, Instant signedAt, Turn turn) {

    public Signer {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(requiredUserId, "requiredUserId");
        if (order < 1 || group < 1) {
            throw new IllegalArgumentException("signing order and groups start at 1");
        }
    }

    static Signer awaiting(int order, int group, SignerRole role, String requiredUserId) {
        return new Signer(order, group, role, requiredUserId, null, null, null, null, null, null);
    }

    /** A place for someone who is no platform user: known by a name and the address that is their identity. */
    static Signer awaiting(int order, int group, SignerRole role, DistrictRepresentative representative) {
        return new Signer(order, group, role, representative.email(), representative.name(), representative.email(), null, null,
                null, null);
    }

    /** Where this signer's links and codes are mailed. */
    String addressAt(SigningDesk desk) {
        return address != null ? address : desk.addressOf(requiredUserId);
    }

    public boolean hasSigned() {
        return signedAt != null;
    }

    boolean mayBeSignedBy(String userId) {
        return requiredUserId.equals(userId);
    }

    /** Whether {@code actor} is this place's signer, acting in its capacity. */
    boolean isSignerOf(Actor actor) {
        return mayBeSignedBy(actor.id()) && role == SignerRole.actingAs(actor.role());
    }

    /** The signer as an actor: their user id, in the role that signs in their capacity. */
    Actor actor() {
        return new Actor(requiredUserId, role.actingRole());
    }

    Signer signed(String userId, String name, Instant at) {
        return new Signer(order, group, role, requiredUserId, this.name, address, userId, name, at, turn.done());
    }

    Signer withTurn(Turn changed) {
        return new Signer(order, group, role, requiredUserId, name, address, signedBy, typedName, signedAt, changed);
    }

    /** When their turn started, null before. */
    public Instant turnStartedAt() {
        return turn == null ? null : turn.startedAt();
    }

    /** When their turn ends unsigned, null before it started. */
    public Instant deadline() {
        return turn == null ? null : turn.deadline();
    }

    /** How many reminders they were sent. */
    public int remindersSent() {
        return turn == null ? 0 : turn.remindersSent();
    }
}
