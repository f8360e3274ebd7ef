package org.investflow.signing.contract;

import java.util.List;

import org.investflow.signing.envelope.AgreedTerms;
import org.investflow.signing.envelope.Agreement;
import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.envelope.Signer;
import org.investflow.signing.envelope.SignerRole;

/** An envelope's contract as the PDFs print it: the particulars frozen in it and the signatures given so far. */
public final class EnvelopeContract {

    private EnvelopeContract() {
    }

    /** What the contract template is filled with, from {@code agreement}. */
    public static ContractParticulars particularsOf(Agreement agreement) {
        AgreedTerms terms = agreement.terms();
        return new ContractParticulars(agreement.caseId().value(), agreement.agreementId(), agreement.investorId(),
                agreement.companyName(), terms.investment().amount(), terms.investment().currency(), terms.jobs(),
                terms.landingDeadline(), agreement.termsFingerprint(), agreement.agreedAt(), terms.capitalSchedule(), terms.milestones(),
                terms.land(), terms.incentives(), terms.specialConditions(), terms.canonicalTerms(), terms.clauses(),
                agreement.registrationNumber(), agreement.country(), null);
    }

    /** What the contract template is filled with, as frozen in {@code envelope}. */
    public static ContractParticulars particularsOf(Envelope envelope) {
        return particularsOf(envelope.agreement());
    }

    /**
     * What the executed contract is filled with: the particulars frozen in {@code envelope} and the name its investor's
     * authorised signatory signed with (null when that place is not signed).
     */
    public static ContractParticulars executedParticularsOf(Envelope envelope) {
        String signatory = envelope.signers().stream()
                .filter(signer -> signer.role() == SignerRole.INVESTOR_SIGNATORY && signer.hasSigned())
                .map(Signer::typedName).findFirst().orElse(null);
        return particularsOf(envelope).signedForTheInvestorBy(signatory);
    }

    /** The signatures given so far, in signing order. */
    public static List<SignatureLine> signatureLinesOf(Envelope envelope) {
        return envelope.signers().stream().filter(Signer::hasSigned).map(EnvelopeContract::lineOf).toList();
    }

    private static SignatureLine lineOf(Signer signer) {
        return new SignatureLine(signer.order(), signer.role().capacity(), signer.signedBy(), signer.typedName(), signer.signedAt());
    }
}
