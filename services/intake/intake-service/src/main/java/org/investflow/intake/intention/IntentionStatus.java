package org.investflow.intake.intention;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an intention stands.
 * <pre>
 *   SUBMITTED ──accept──► ACCEPTED
 *       │
 *       └────reject──► REJECTED
 * </pre>
 */
public enum IntentionStatus {
    SUBMITTED, ACCEPTED, REJECTED;

    private Set<IntentionStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(ACCEPTED, REJECTED);
            case ACCEPTED, REJECTED -> EnumSet.noneOf(IntentionStatus.class);
        };
    }

    public boolean canTransitionTo(IntentionStatus target) {
        return next().contains(target);
    }
}
