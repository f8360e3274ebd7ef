package org.investflow.negotiation.negotiation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a negotiation stands. Proposing a term sheet keeps it open (each proposal is a new version);
 * the investor accepting the latest version closes it as agreed.
 * <pre>
 *            propose (new version)
 *             ┌──────┐
 *             ▼      │
 *   opened ─► OPEN ──┘──accept latest version──► AGREED
 * </pre>
 * Failure (withdrawal, inactivity) and reopening after a declined contract come later.
 */
public enum NegotiationStatus {
    OPEN, AGREED;

    private Set<NegotiationStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(OPEN, AGREED);
            case AGREED -> EnumSet.noneOf(NegotiationStatus.class);
        };
    }

    public boolean canTransitionTo(NegotiationStatus target) {
        return next().contains(target);
    }
}
