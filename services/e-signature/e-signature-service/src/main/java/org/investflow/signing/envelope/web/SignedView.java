package org.investflow.signing.envelope.web;

import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.envelope.EnvelopeStatus;

/**
 * What a signer acting through a link learns after signing or declining: where the envelope now
 * stands and the hashes to keep, nothing about other signers.
 *
 * @param executedDocumentHash SHA-256 of the sealed executed contract, once executed
 */
public record SignedView(String caseId, EnvelopeStatus status, String documentHash, String executedDocumentHash) {

    static SignedView of(Envelope envelope) {
        return new SignedView(envelope.caseId().value(), envelope.status(), envelope.documentHash(), envelope.executedDocumentHash());
    }
}
