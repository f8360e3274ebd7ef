package org.investflow.negotiation.negotiation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a negotiation stands. Proposing or countering keeps it open (each proposal is a new
 * version); the other party accepting the latest version on the table closes it as agreed; a
 * withdrawal by either party or a period of inactivity fails it. A contract that is declined,
 * expires or is voided reopens an agreed negotiation with the agreed version back on the table:
 * both parties accept it again (the first acceptance keeps it reopened), or a counter-offer that goes
 * on the table makes it an ordinary open negotiation again.
 * <pre>
 *            propose / counter-offer / approve (new version)
 *             ┌──────┐
 *             ▼      │
 *   opened ─► OPEN ──┘──accept latest version──► AGREED ──contract declined / expired / voided──► REOPENED
 *             │  ▲                                  ▲                                              │ │ │
 *             │  └────── a version goes on the table ──────────────────────────────────────────────┘ │ │
 *             │                                     └──────────── both accepted the agreed version ─┘ │
 *             └──withdraw / inactive──► FAILED ◄──────────────────────── withdraw / inactive ─────────┘
 * </pre>
 * ({@code REOPENED → REOPENED}: one party accepted again, or a version waits for approval.)
 */
public enum NegotiationStatus {
    OPEN, AGREED, REOPENED, FAILED;

    private Set<NegotiationStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(OPEN, AGREED, FAILED);
            case AGREED -> EnumSet.of(REOPENED);
            case REOPENED -> EnumSet.of(REOPENED, OPEN, AGREED, FAILED);
            case FAILED -> EnumSet.noneOf(NegotiationStatus.class);
        };
    }

    public boolean canTransitionTo(NegotiationStatus target) {
        return next().contains(target);
    }

    /** Whether the parties are at the table: proposals, acceptances and the inactivity rule apply. */
    public boolean isNegotiating() {
        return this == OPEN || this == REOPENED;
    }
}
