package org.investflow.signing.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A signer's deadline passed before they signed: the envelope is closed and negotiation reopens at
 * the agreed version.
 *
 * @param termsFingerprint the fingerprint of the agreed terms the expired contract was drafted from
 * @param signerRole       the role of the signer whose deadline passed
 * @param deadline         the deadline that passed
 */
public record ContractExpired(String caseId, String investorId, String envelopeId, String termsFingerprint,
                              String signerRole, Instant deadline, Instant occurredAt, Actor actor)
        implements SigningEvent {

    public ContractExpired {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(termsFingerprint, "termsFingerprint");
        Objects.requireNonNull(signerRole, "signerRole");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
