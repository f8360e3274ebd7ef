package org.investflow.tracking.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The landing rule itself; how it is bound from the settings is {@code config/LandingRuleSettingsTest}'s. */
class LandingRuleTest {

    @Test
    void operationStartedCannotBeALandingCondition() {
        assertThatThrownBy(() -> new LandingRule(Set.of(Milestone.OPERATION_STARTED)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRuleHoldsOnlyWhenEveryRequiredMilestoneIsAchieved() {
        LandingRule rule = new LandingRule(Set.of(Milestone.BUSINESS_REGISTERED, Milestone.CAPITAL_INJECTED));
        assertThat(rule.isMetBy(List.of(Milestone.BUSINESS_REGISTERED))).isFalse();
        assertThat(rule.isMetBy(List.of(Milestone.CAPITAL_INJECTED, Milestone.BUSINESS_REGISTERED))).isTrue();
    }
}
