package org.investflow.signing.envelope;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a contract envelope stands. Only the drawn moves are allowed; the four on the right are
 * final.
 * <pre>
 *   DRAFT ──send──► SENT ──first signature──► PARTIALLY_SIGNED ──last signature, sealed──► EXECUTED
 *     │               │                              │
 *     │               ├── decline (signer in turn) ──┼──► DECLINED
 *     │               ├── signer's deadline passed ──┼──► EXPIRED
 *     └───────────────┴── void (officer / leader,  ──┴──► VOIDED
 *                          or a newer agreement)
 * </pre>
 */
public enum EnvelopeStatus {
    DRAFT, SENT, PARTIALLY_SIGNED, EXECUTED, DECLINED, EXPIRED, VOIDED;

    private Set<EnvelopeStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SENT, VOIDED);
            case SENT -> EnumSet.of(PARTIALLY_SIGNED, DECLINED, EXPIRED, VOIDED);
            case PARTIALLY_SIGNED -> EnumSet.of(EXECUTED, DECLINED, EXPIRED, VOIDED);
            case EXECUTED, DECLINED, EXPIRED, VOIDED -> EnumSet.noneOf(EnvelopeStatus.class);
        };
    }

    public boolean canTransitionTo(EnvelopeStatus target) {
        return next().contains(target);
    }

    /** Whether the envelope still waits for someone: not executed, declined, expired or voided. */
    public boolean isOpen() {
        return !next().isEmpty();
    }

    /** Whether it was sent and its signers are still signing: their links work, the watch reminds and expires. */
    public boolean awaitsSignatures() {
        return this == SENT || this == PARTIALLY_SIGNED;
    }
}
