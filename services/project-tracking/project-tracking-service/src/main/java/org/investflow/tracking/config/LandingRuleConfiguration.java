package org.investflow.tracking.config;

import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import org.investflow.tracking.project.LandingRule;
import org.investflow.tracking.project.Milestone;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/** The commission's {@link LandingRule}, bound from {@code investflow.tracking.landing-rule}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LandingRuleConfiguration.Settings.class)
class LandingRuleConfiguration {

    /**
     * @param requires the milestones that together mean "landed"; default: registered, construction
     *                 started, capital injected; never empty
     */
    @Validated
    @ConfigurationProperties("investflow.tracking.landing-rule")
    record Settings(@NotEmpty @DefaultValue({"BUSINESS_REGISTERED", "CONSTRUCTION_STARTED", "CAPITAL_INJECTED"})
                    Set<Milestone> requires) {
    }

    /** The rule itself refuses {@code OPERATION_STARTED}, so such a setting stops the service from starting. */
    @Bean
    LandingRule landingRule(Settings settings) {
        return new LandingRule(settings.requires());
    }
}
