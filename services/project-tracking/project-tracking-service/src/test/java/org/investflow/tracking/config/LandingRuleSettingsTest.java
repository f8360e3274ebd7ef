package org.investflow.tracking.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.investflow.tracking.project.LandingRule;
import org.investflow.tracking.project.Milestone;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** The landing rule as the settings make it: the default, configured, and refused settings. */
class LandingRuleSettingsTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(LandingRuleConfiguration.class);

    @Test
    void byDefaultRegistrationConstructionAndCapitalLandAProject() {
        context.run(started -> assertThat(started.getBean(LandingRule.class).requires()).containsExactlyInAnyOrder(
                Milestone.BUSINESS_REGISTERED, Milestone.CONSTRUCTION_STARTED, Milestone.CAPITAL_INJECTED));
    }

    @Test
    void theRuleIsConfigurable() {
        context.withPropertyValues("investflow.tracking.landing-rule.requires=BUSINESS_REGISTERED,CAPITAL_INJECTED")
                .run(started -> assertThat(started.getBean(LandingRule.class).requires())
                        .containsExactlyInAnyOrder(Milestone.BUSINESS_REGISTERED, Milestone.CAPITAL_INJECTED));
    }

    @Test
    void anEmptyRuleStopsTheServiceFromStarting() {
        context.withPropertyValues("investflow.tracking.landing-rule.requires=")
                .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void operationStartedAsALandingConditionStopsTheServiceFromStarting() {
        context.withPropertyValues("investflow.tracking.landing-rule.requires=BUSINESS_REGISTERED,OPERATION_STARTED")
                .run(started -> assertThat(started).hasFailed());
    }
}
