package org.investflow.tracking.project;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a project stands; it owns the transition table the aggregate's one guard consults.
 * <pre>
 *   IN_PROGRESS ──landing rule holds──► LANDED ──OPERATION_STARTED──► OPERATING
 *   (evidence and corrections are accepted in every status; only these two moves change it)
 * </pre>
 */
public enum ProjectStatus {
    IN_PROGRESS, LANDED, OPERATING;

    private Set<ProjectStatus> next() {
        return switch (this) {
            case IN_PROGRESS -> EnumSet.of(LANDED);
            case LANDED -> EnumSet.of(OPERATING);
            case OPERATING -> EnumSet.noneOf(ProjectStatus.class);
        };
    }

    /** Whether the drawn life cycle has a move from this status to {@code target}. */
    public boolean canTransitionTo(ProjectStatus target) {
        return next().contains(target);
    }
}
