package org.investflow.tracking.config;

import java.time.Clock;

import org.investflow.tracking.calendar.CalendarSettings;
import org.investflow.tracking.calendar.CommissionCalendar;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The commission's calendar over the platform's UTC clock. Bean validation ({@code @PastOrPresent}
 * on dates) reads the same calendar, so "not in the future" means the commission's today.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    CommissionCalendar commissionCalendar(Clock clock, CalendarSettings settings) {
        return new CommissionCalendar(clock, settings.zone());
    }

    @Bean
    ValidationConfigurationCustomizer validationClock(CommissionCalendar calendar) {
        return configuration -> configuration.clockProvider(calendar::clock);
    }
}
