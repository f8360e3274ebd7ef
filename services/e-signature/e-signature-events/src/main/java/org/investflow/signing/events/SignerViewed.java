package org.investflow.signing.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A signer of the envelope viewed the contract: through their signing link with a code, or logged in.
 *
 * @param signerOrder  the signer's place on the envelope, 1 first
 * @param signerRole   {@code INVESTOR_SIGNATORY}, {@code COMMISSION_REPRESENTATIVE} or {@code DISTRICT_REPRESENTATIVE}
 * @param documentHash SHA-256 of the contract viewed
 */
public record SignerViewed(String caseId, String investorId, String envelopeId, int signerOrder, String signerRole,
                           String documentHash, Instant occurredAt, Actor actor) implements SigningEvent {

    public SignerViewed {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(signerRole, "signerRole");
        Objects.requireNonNull(documentHash, "documentHash");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        if (signerOrder < 1) {
            throw new IllegalArgumentException("signerOrder starts at 1");
        }
    }
}
