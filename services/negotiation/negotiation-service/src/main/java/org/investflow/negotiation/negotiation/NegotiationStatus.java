package org.investflow.negotiation.negotiation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a negotiation stands. Proposing or countering keeps it open (each proposal is a new
 * version); the other party accepting the latest version on the table closes it as agreed; a
 * withdrawal by either party or a period of inactivity fails it.
 * <pre>
 *            propose / counter-offer / approve (new version)
 *             ┌──────┐
 *             ▼      │
 *   opened ─► OPEN ──┘──accept latest version──► AGREED
 *              │
 *              └──withdraw / inactive──► FAILED
 * </pre>
 * Reopening after a declined, expired or voided contract needs e-signature's events and comes later.
 */
public enum NegotiationStatus {
    OPEN, AGREED, FAILED;

    private Set<NegotiationStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(OPEN, AGREED, FAILED);
            case AGREED, FAILED -> EnumSet.noneOf(NegotiationStatus.class);
        };
    }

    public boolean canTransitionTo(NegotiationStatus target) {
        return next().contains(target);
    }
}
