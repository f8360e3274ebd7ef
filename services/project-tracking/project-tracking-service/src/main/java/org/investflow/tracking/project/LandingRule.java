package org.investflow.tracking.project;

import java.util.Collection;
import java.util.Set;

/**
 * The commission's rule for when a project has landed: every milestone in {@code requires} is
 * recorded (bound from {@code investflow.tracking.landing-rule} in {@code config/}).
 * {@code OPERATION_STARTED} cannot be required, because only a landed project can start operating.
 *
 * @param requires the milestones that together mean "landed"
 */
public record LandingRule(Set<Milestone> requires) {

    public LandingRule {
        requires = requires == null ? Set.of() : Set.copyOf(requires);
        if (requires.contains(Milestone.OPERATION_STARTED)) {
            throw new IllegalArgumentException("OPERATION_STARTED follows landing and cannot be required for it");
        }
    }

    /** Whether {@code achieved} satisfies the rule. */
    public boolean isMetBy(Collection<Milestone> achieved) {
        return !requires.isEmpty() && achieved.containsAll(requires);
    }
}
