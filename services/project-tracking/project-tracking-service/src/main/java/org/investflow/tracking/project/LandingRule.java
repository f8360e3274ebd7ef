package org.investflow.tracking.project;

import java.util.Collection;
import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The commission's rule for when a project has landed ({@code investflow.tracking.landing-rule}):
 * every milestone in {@code requires} is recorded. {@code OPERATION_STARTED} cannot be required,
 * because only a landed project can start operating.
 *
 * @param requires the milestones that together mean "landed"; default: registered, construction
 *                 started, capital injected
 */
@Validated
@ConfigurationProperties("investflow.tracking.landing-rule")
public record LandingRule(
        @NotEmpty @DefaultValue({"BUSINESS_REGISTERED", "CONSTRUCTION_STARTED", "CAPITAL_INJECTED"}) Set<Milestone> requires) {

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
