package org.investflow.tracking.observability;

import org.investflow.platform.scheduling.PeriodicTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps the business gauges fresh while the service runs. */
@Configuration(proxyBeanMethods = false)
class ObservabilitySchedule {

    @Bean
    PeriodicTask businessGaugesSchedule(BusinessGauges gauges) {
        return gauges.schedule();
    }
}
