package org.investflow.tracking.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class LandingRuleTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LandingRule.class)
    static class Settings {
    }

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

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
    void operationStartedCannotBeALandingCondition() {
        context.withPropertyValues("investflow.tracking.landing-rule.requires=BUSINESS_REGISTERED,OPERATION_STARTED")
                .run(started -> assertThat(started).hasFailed());
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
