package org.investflow.negotiation.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.investflow.platform.events.Actor;

/**
 * The contract drafted from the case's agreement was declined, expired or voided: the negotiation is
 * open again with the agreed version back on the table, and both parties have to accept again (that
 * version unchanged, or a counter-offer). The agreement is kept in the negotiation's history; the next
 * {@link AgreementReached} on the case names it in {@code supersedesFingerprint}.
 *
 * @param officerId               the case officer the case is assigned to
 * @param version                 the agreed term-sheet version, on the table again
 * @param envelopeId              the envelope whose outcome reopened the negotiation
 * @param reopenedFromFingerprint the {@code termsFingerprint} of the agreement the contract was drafted from
 * @param cause                   {@code DECLINED}, {@code EXPIRED} or {@code VOIDED}
 * @param reason                  the decliner's or voiding officer's reason, or which signer's deadline passed
 */
public record NegotiationReopened(String caseId, String investorId, String officerId, int version, String envelopeId,
                                  String reopenedFromFingerprint, String cause, String reason, Instant occurredAt,
                                  Actor actor) implements NegotiationEvent {

    public static final String DECLINED = "DECLINED";
    public static final String EXPIRED = "EXPIRED";
    public static final String VOIDED = "VOIDED";

    public NegotiationReopened {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(officerId, "officerId");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
        if (reopenedFromFingerprint == null || !AgreementReached.SHA_256_HEX.matcher(reopenedFromFingerprint).matches()) {
            throw new IllegalArgumentException("reopenedFromFingerprint must be 64 lowercase hex digits");
        }
        if (!Set.of(DECLINED, EXPIRED, VOIDED).contains(cause)) {
            throw new IllegalArgumentException("a reopening's cause is DECLINED, EXPIRED or VOIDED");
        }
    }
}
