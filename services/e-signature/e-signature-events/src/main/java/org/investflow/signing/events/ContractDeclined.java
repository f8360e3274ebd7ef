package org.investflow.signing.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A signer declined to sign: the envelope is closed and negotiation reopens at the agreed version.
 *
 * @param termsFingerprint the fingerprint of the agreed terms the declined contract was drafted from
 * @param signerRole       the role of the signer who declined
 * @param reason           the signer's reason, as given
 */
public record ContractDeclined(String caseId, String investorId, String envelopeId, String termsFingerprint,
                               String signerRole, String reason, Instant occurredAt, Actor actor)
        implements SigningEvent {

    public ContractDeclined {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(termsFingerprint, "termsFingerprint");
        Objects.requireNonNull(signerRole, "signerRole");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
