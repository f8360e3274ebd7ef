package org.investflow.tracking.project;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a project stands.
 * <pre>
 *   IN_PROGRESS ──landing rule holds──► LANDED ──OPERATION_STARTED──► OPERATING
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

    public boolean canTransitionTo(ProjectStatus target) {
        return next().contains(target);
    }
}
