package org.investflow.signing.envelope;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a contract envelope stands.
 * <pre>
 *   SENT ──first signature──► PARTIALLY_SIGNED ──last signature──► EXECUTED
 * </pre>
 */
public enum EnvelopeStatus {
    SENT, PARTIALLY_SIGNED, EXECUTED;

    private Set<EnvelopeStatus> next() {
        return switch (this) {
            case SENT -> EnumSet.of(PARTIALLY_SIGNED);
            case PARTIALLY_SIGNED -> EnumSet.of(EXECUTED);
            case EXECUTED -> EnumSet.noneOf(EnvelopeStatus.class);
        };
    }

    public boolean canTransitionTo(EnvelopeStatus target) {
        return next().contains(target);
    }
}
