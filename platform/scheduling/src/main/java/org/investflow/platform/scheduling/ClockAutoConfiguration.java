package org.investflow.platform.scheduling;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one clock every instant of a service comes from: UTC. Tests that need to move time declare
 * their own {@link Clock} bean, which replaces this one. A service that needs a calendar day in some
 * zone names that zone in a setting of its own; the clock stays UTC.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
