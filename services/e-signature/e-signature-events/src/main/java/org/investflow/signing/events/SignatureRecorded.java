package org.investflow.signing.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * One signer of the envelope signed, in their turn.
 *
 * @param signerOrder position of the signer, 1 first
 * @param signerRole  {@code INVESTOR_SIGNATORY}, {@code COMMISSION_REPRESENTATIVE} or {@code DISTRICT_REPRESENTATIVE}
 * @param signerId    the user who signed
 */
public record SignatureRecorded(String caseId, String investorId, String envelopeId, int signerOrder,
                                String signerRole, String signerId, Instant occurredAt, Actor actor)
        implements SigningEvent {

    public SignatureRecorded {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(signerRole, "signerRole");
        Objects.requireNonNull(signerId, "signerId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        if (signerOrder < 1) {
            throw new IllegalArgumentException("signerOrder starts at 1");
        }
    }
}
