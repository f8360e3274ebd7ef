package org.investflow.intake.intention;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an intention stands. A draft is the investor's alone; submission screens it at once: a
 * prohibited industry is rejected with the rule cited, anything else goes to review with its
 * assigned officer.
 * <pre>
 *   DRAFT ──discard──► WITHDRAWN
 *     │
 *   (submit) ──screened──► IN_REVIEW ──accept──► ACCEPTED      (negotiation opens)
 *       │                   │  ▲    └──reject──► REJECTED
 *       │                   │  └─update (re-screened)─┐
 *       │                   └─request information──► INFORMATION_REQUESTED ──reject──► REJECTED
 *       └──prohibited──► REJECTED     IN_REVIEW, INFORMATION_REQUESTED ──withdraw──► WITHDRAWN
 * </pre>
 */
public enum IntentionStatus {
    DRAFT, IN_REVIEW, INFORMATION_REQUESTED, ACCEPTED, REJECTED, WITHDRAWN;

    private Set<IntentionStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_REVIEW, WITHDRAWN);
            case IN_REVIEW -> EnumSet.of(INFORMATION_REQUESTED, ACCEPTED, REJECTED, WITHDRAWN);
            case INFORMATION_REQUESTED -> EnumSet.of(IN_REVIEW, REJECTED, WITHDRAWN);
            case ACCEPTED, REJECTED, WITHDRAWN -> EnumSet.noneOf(IntentionStatus.class);
        };
    }

    public boolean canTransitionTo(IntentionStatus target) {
        return next().contains(target);
    }

    /** Still waiting for a decision: counts in an officer's open cases and for service levels. */
    public boolean open() {
        return this == IN_REVIEW || this == INFORMATION_REQUESTED;
    }
}
