package org.investflow.negotiation.negotiation;

import java.util.Optional;

import org.investflow.negotiation.events.NegotiationReopened;
import org.investflow.signing.events.ContractDeclined;
import org.investflow.signing.events.ContractExpired;
import org.investflow.signing.events.ContractVoided;

/**
 * What negotiation needs to know of a contract that fell through: which case and agreement (by the
 * fingerprint of its terms), which envelope, why. A void because a newer agreement superseded the
 * contract is no such outcome: that newer agreement is already negotiation's own doing.
 *
 * @param cause {@code DECLINED}, {@code EXPIRED} or {@code VOIDED}
 */
public record ContractOutcome(String caseId, String envelopeId, String termsFingerprint, String cause, String reason) {

    /** The outcome an e-signature event reports, empty for the events that do not reopen a negotiation. */
    static Optional<ContractOutcome> of(Record event) {
        if (event instanceof ContractDeclined declined) {
            return Optional.of(new ContractOutcome(declined.caseId(), declined.envelopeId(), declined.termsFingerprint(),
                    NegotiationReopened.DECLINED, reasonOr(declined.reason(), declined.signerRole() + " declined to sign")));
        }
        if (event instanceof ContractExpired expired) {
            return Optional.of(new ContractOutcome(expired.caseId(), expired.envelopeId(), expired.termsFingerprint(),
                    NegotiationReopened.EXPIRED, "the signing deadline of " + expired.signerRole() + " passed at "
                    + expired.deadline()));
        }
        if (event instanceof ContractVoided voided && !ContractVoided.SUPERSEDED.equals(voided.reason())) {
            return Optional.of(new ContractOutcome(voided.caseId(), voided.envelopeId(), voided.termsFingerprint(),
                    NegotiationReopened.VOIDED, reasonOr(voided.reason(), "voided")));
        }
        return Optional.empty();
    }

    private static String reasonOr(String reason, String otherwise) {
        return reason == null || reason.isBlank() ? otherwise : reason;
    }
}
