package org.investflow.tracking.config;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every time in project tracking comes from; tests replace it. Its zone is the
 * commission's (Chongqing), because "today" decides whether a milestone date lies in the future.
 * Bean validation ({@code @PastOrPresent}) reads the same clock.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final ZoneId COMMISSION_ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(COMMISSION_ZONE);
    }

    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}
