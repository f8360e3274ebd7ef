package org.investflow.negotiation.negotiation.web;

import java.time.Instant;
import java.util.List;

import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.negotiation.Agreement;
import org.investflow.negotiation.negotiation.Negotiation;
import org.investflow.negotiation.negotiation.NegotiationStatus;

/** A negotiation as the API shows it: every version, and the frozen agreement once there is one. */
public record NegotiationView(String caseId, String investorId, String officerId, String companyName,
                              NegotiationStatus status, Instant openedAt, List<TermSheetView> versions,
                              AgreementView agreement) {

    static NegotiationView of(Negotiation negotiation) {
        return new NegotiationView(negotiation.caseId(), negotiation.investorId(), negotiation.officerId(),
                negotiation.companyName(), negotiation.status(), negotiation.openedAt(),
                negotiation.termSheets().stream().map(TermSheetView::of).toList(),
                negotiation.agreement() == null ? null : AgreementView.of(negotiation.agreement()));
    }

    /** The agreed version, its terms and their fingerprint. */
    public record AgreementView(String agreementId, int version, Terms terms, String termsFingerprint, String agreedBy,
                                Instant agreedAt) {

        static AgreementView of(Agreement agreement) {
            return new AgreementView(agreement.agreementId(), agreement.version(), agreement.terms(),
                    agreement.fingerprint().hex(), agreement.agreedBy(), agreement.agreedAt());
        }
    }
}
