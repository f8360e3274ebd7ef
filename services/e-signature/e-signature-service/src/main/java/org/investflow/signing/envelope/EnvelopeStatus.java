package org.investflow.signing.envelope;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a contract envelope stands. Only the drawn moves are allowed; the four on the right are
 * final. {@code SEALING}: every signer signed, the executed contract waits for the commission's seal and
 * its time-stamp (retried while the time-stamping authority cannot be reached); it is never executed unsealed.
 * <pre>
 *   DRAFT ──send──► SENT ──first signature──► PARTIALLY_SIGNED ──last signature──► SEALING ──sealed, kept──► EXECUTED
 *     │               │                              │
 *     │               ├── decline (signer in turn) ──┼──► DECLINED
 *     │               ├── signer's deadline passed ──┼──► EXPIRED
 *     └───────────────┴── void (officer / leader,  ──┴──► VOIDED
 *                          or a newer agreement)
 * </pre>
 */
public enum EnvelopeStatus {
    DRAFT, SENT, PARTIALLY_SIGNED, SEALING, EXECUTED, DECLINED, EXPIRED, VOIDED;

    private Set<EnvelopeStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SENT, VOIDED);
            case SENT -> EnumSet.of(PARTIALLY_SIGNED, DECLINED, EXPIRED, VOIDED);
            case PARTIALLY_SIGNED -> EnumSet.of(SEALING, DECLINED, EXPIRED, VOIDED);
            case SEALING -> EnumSet.of(EXECUTED);
            case EXECUTED, DECLINED, EXPIRED, VOIDED -> EnumSet.noneOf(EnvelopeStatus.class);
        };
    }

    public boolean canTransitionTo(EnvelopeStatus target) {
        return next().contains(target);
    }

    /** Whether the envelope still waits for someone or its seal: not executed, declined, expired or voided. */
    public boolean isOpen() {
        return !next().isEmpty();
    }

    /** Whether it was sent and its signers are still signing: their links work, the watch reminds and expires. */
    public boolean awaitsSignatures() {
        return this == SENT || this == PARTIALLY_SIGNED;
    }
}
