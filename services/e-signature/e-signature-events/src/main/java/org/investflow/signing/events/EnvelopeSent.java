package org.investflow.signing.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A contract was drafted from the agreed terms and sent to its ordered signers.
 *
 * @param documentHash    SHA-256 (64 lowercase hex) of the contract document the signers sign
 * @param termsFingerprint the fingerprint of the agreed terms the contract was drafted from
 */
public record EnvelopeSent(String caseId, String investorId, String envelopeId, String documentHash,
                           String termsFingerprint, Instant occurredAt, Actor actor) implements SigningEvent {

    public EnvelopeSent {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(documentHash, "documentHash");
        Objects.requireNonNull(termsFingerprint, "termsFingerprint");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
