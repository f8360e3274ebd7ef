package org.investflow.signing.envelope.web;

import java.time.Instant;
import java.util.List;

import org.investflow.signing.envelope.AgreedTerms;
import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.envelope.EnvelopeStatus;
import org.investflow.signing.envelope.Signer;
import org.investflow.signing.envelope.SignerRole;

/**
 * An envelope as the API shows it: where it stands, who signed when, the hash of what they signed and
 * of the sealed executed contract, and when and why it was declined, expired or voided.
 */
public record EnvelopeView(String caseId, String envelopeId, String investorId, String agreementId, String companyName,
                           EnvelopeStatus status, String documentHash, String termsFingerprint, AgreedTerms terms,
                           List<SignerView> signers, Instant sentAt, Instant executedAt, String executedDocumentHash,
                           Instant closedAt, String closingReason) {

    static EnvelopeView of(Envelope envelope) {
        return new EnvelopeView(envelope.caseId(), envelope.envelopeId(), envelope.investorId(), envelope.agreementId(),
                envelope.companyName(), envelope.status(), envelope.documentHash(), envelope.termsFingerprint(),
                envelope.terms(), envelope.signers().stream().map(SignerView::of).toList(), envelope.sentAt(),
                envelope.executedAt(), envelope.executedDocumentHash(), envelope.closedAt(), envelope.closingReason());
    }

    /** One place in the signing order; {@code group}: places of one group sign in parallel; {@code name}: a district representative's. */
    public record SignerView(int order, int group, SignerRole role, String name, boolean signed, String signedBy, String typedName,
                             Instant signedAt, Instant deadline, int remindersSent) {

        static SignerView of(Signer signer) {
            return new SignerView(signer.order(), signer.step(), signer.role(), signer.name(),
                    signer.hasSigned(), signer.signedBy(),
                    signer.typedName(), signer.signedAt(), signer.deadline(), signer.remindersSent());
        }
    }
}
