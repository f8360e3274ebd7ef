package org.investflow.negotiation.negotiation.web;

import java.time.Instant;
import java.util.List;

import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.negotiation.Agreement;
import org.investflow.negotiation.negotiation.Comment;
import org.investflow.negotiation.negotiation.Failure;
import org.investflow.negotiation.negotiation.Negotiation;
import org.investflow.negotiation.negotiation.NegotiationStatus;
import org.investflow.negotiation.negotiation.Reopening;
import org.investflow.negotiation.negotiation.Side;
import org.investflow.platform.events.Actor;

/**
 * A negotiation as the API shows it to one viewer: the versions they may see (the investor never sees
 * a version waiting for or refused approval), the comment thread, and the frozen agreement or the
 * failure once there is one. Agreements whose contracts fell through are listed in {@code reopenings};
 * while {@code REOPENED}, {@code acceptedAgainBy} names the sides that accepted the agreed version again.
 * {@code revision} is also the response's {@code ETag}.
 */
public record NegotiationView(String caseId, String investorId, String officerId, String companyName,
                              NegotiationStatus status, Instant openedAt, long revision, List<TermSheetView> versions,
                              List<Comment> comments, AgreementView agreement, Failure failure,
                              List<ReopeningView> reopenings, List<Side> acceptedAgainBy) {

    static NegotiationView of(Negotiation negotiation, Actor viewer) {
        boolean staff = !viewer.actsAsInvestor();
        return new NegotiationView(negotiation.caseId().value(), negotiation.parties().investorId(), negotiation.parties().officerId(),
                negotiation.companyName(), negotiation.status(), negotiation.openedAt(), negotiation.revision(),
                negotiation.termSheets().stream().filter(sheet -> sheet.isVisibleTo(viewer))
                        .map(sheet -> TermSheetView.of(sheet, staff)).toList(),
                negotiation.comments(),
                negotiation.agreement() == null ? null : AgreementView.of(negotiation.agreement()),
                negotiation.failure(),
                negotiation.reopenings().stream().map(ReopeningView::of).toList(),
                negotiation.acceptedAgainBy());
    }

    /** The agreed version, its terms and their fingerprint, and the fingerprint of the agreement it superseded. */
    public record AgreementView(String agreementId, int version, Terms terms, String termsFingerprint, String agreedBy,
                                Instant agreedAt, String supersedesFingerprint) {

        static AgreementView of(Agreement agreement) {
            return new AgreementView(agreement.agreementId(), agreement.version(), agreement.terms(),
                    agreement.fingerprint().hex(), agreement.agreedBy(), agreement.agreedAt(), agreement.supersedes());
        }
    }

    /** A former agreement, and why and when its contract reopened the negotiation. */
    public record ReopeningView(AgreementView agreement, String cause, String reason, String envelopeId, Instant reopenedAt) {

        static ReopeningView of(Reopening reopening) {
            return new ReopeningView(AgreementView.of(reopening.agreement()), reopening.cause(), reopening.reason(),
                    reopening.envelopeId(), reopening.reopenedAt());
        }
    }
}
