package org.investflow.signing.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A contract was drafted from the agreement: the document its signers will sign exists and its hash
 * is fixed. Published with {@link EnvelopeSent}, in the same write, just before it.
 *
 * @param agreementId      the agreement the contract was drafted from
 * @param documentHash     SHA-256 (64 lowercase hex) of the drafted contract PDF
 * @param termsFingerprint the fingerprint of the agreed terms the contract was drafted from
 */
public record ContractDrafted(String caseId, String investorId, String envelopeId, String agreementId, String documentHash,
                              String termsFingerprint, Instant occurredAt, Actor actor) implements SigningEvent {

    public ContractDrafted {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(documentHash, "documentHash");
        Objects.requireNonNull(termsFingerprint, "termsFingerprint");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
