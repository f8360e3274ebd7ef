package org.investflow.signing.envelope.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.investflow.signing.envelope.AgreedTerms;
import org.investflow.signing.envelope.Agreement;
import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.envelope.EnvelopeStatus;
import org.investflow.signing.envelope.Signer;
import org.investflow.signing.envelope.SignerRole;
import org.investflow.signing.events.MilestoneDeadlines;
import org.investflow.signing.events.Tranche;

/**
 * An envelope as the API shows it: where it stands, who signed when, the hash of what they signed and
 * of the sealed executed contract, when and why it was declined, expired or voided, and while it is
 * {@code SEALING} (waiting for its seal) how often sealing failed, why, and when it is tried next.
 */
public record EnvelopeView(String caseId, String envelopeId, String investorId, String agreementId, String companyName,
                           EnvelopeStatus status, String documentHash, String termsFingerprint, TermsView terms,
                           List<SignerView> signers, Instant sentAt, Instant executedAt, String executedDocumentHash,
                           Instant closedAt, String closingReason, SealingView sealing) {

    static EnvelopeView of(Envelope envelope) {
        Agreement agreement = envelope.agreement();
        return new EnvelopeView(agreement.caseId().value(), envelope.envelopeId(), agreement.investorId(), agreement.agreementId(),
                agreement.companyName(), envelope.status(), envelope.documentHash(), agreement.termsFingerprint(),
                TermsView.of(agreement.terms()), envelope.signers().stream().map(SignerView::of).toList(), envelope.sentAt(),
                envelope.executedAt(), envelope.executedDocumentHash(), envelope.closedAt(), envelope.closingReason(),
                envelope.status() == EnvelopeStatus.SEALING ? new SealingView(envelope.sealingFailures(), envelope.sealingProblem(),
                        envelope.sealDueAt()) : null);
    }

    /** Waiting for the seal: failed attempts so far, the last failure's reason (null before one), and the next attempt's time. */
    public record SealingView(int failures, String problem, Instant nextAttemptAt) {
    }

    /** The agreed terms, the amount as a plain decimal beside its currency. */
    public record TermsView(BigDecimal investmentAmount, String currency, int jobs, LocalDate landingDeadline,
                            List<Tranche> capitalSchedule, MilestoneDeadlines milestones, String district) {

        static TermsView of(AgreedTerms terms) {
            return new TermsView(terms.investment().amount(), terms.investment().currency(), terms.jobs(), terms.landingDeadline(),
                    terms.capitalSchedule(), terms.milestones(), terms.district());
        }
    }

    /** One place in the signing order; {@code group}: places of one group sign in parallel; {@code name}: a district representative's. */
    public record SignerView(int order, int group, SignerRole role, String name, boolean signed, String signedBy, String typedName,
                             Instant signedAt, Instant deadline, int remindersSent) {

        static SignerView of(Signer signer) {
            return new SignerView(signer.order(), signer.group(), signer.role(), signer.name(),
                    signer.hasSigned(), signer.signedBy(),
                    signer.typedName(), signer.signedAt(), signer.deadline(), signer.remindersSent());
        }
    }
}
