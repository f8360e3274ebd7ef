package org.investflow.signing.envelope;

import java.time.Instant;
import java.util.Objects;

/**
 * One place on an envelope's signing order, and who signed it when.
 *
 * @param order          1 signs first
 * @param role           the capacity the signer signs in
 * @param requiredUserId the only user who may sign here; a place without one is signed by nobody
 * @param signedBy       who signed, null until then
 * @param typedName      the name the signer typed as their signature
 * @param signedAt       when they signed, null until then
 */
public record Signer(int order, SignerRole role, String requiredUserId, String signedBy, String typedName,
                     Instant signedAt) {

    public Signer {
        Objects.requireNonNull(role, "role");
        if (order < 1) {
            throw new IllegalArgumentException("signing order starts at 1");
        }
    }

    static Signer awaiting(int order, SignerRole role, String requiredUserId) {
        return new Signer(order, role, requiredUserId, null, null, null);
    }

    public boolean hasSigned() {
        return signedAt != null;
    }

    /** Fails closed: an envelope stored before its signers were named lets nobody sign in their place. */
    boolean mayBeSignedBy(String userId) {
        return requiredUserId != null && requiredUserId.equals(userId);
    }

    Signer signed(String userId, String name, Instant at) {
        return new Signer(order, role, requiredUserId, userId, name, at);
    }
}
