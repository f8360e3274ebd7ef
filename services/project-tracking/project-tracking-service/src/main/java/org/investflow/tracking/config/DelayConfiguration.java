package org.investflow.tracking.config;

import java.time.Clock;

import org.investflow.platform.scheduling.PeriodicTask;
import org.investflow.platform.scheduling.SchedulerLease;
import org.investflow.tracking.calendar.CommissionCalendar;
import org.investflow.tracking.project.ProjectService;
import org.investflow.tracking.project.scheduling.DelaySettings;
import org.investflow.tracking.project.scheduling.DelayWatch;
import org.investflow.tracking.project.persistence.ProjectRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The delay check, its lease across instances and its schedule. */
@Configuration(proxyBeanMethods = false)
class DelayConfiguration {

    @Bean
    SchedulerLease schedulerLease(ReactiveMongoTemplate mongo, Clock clock) {
        return new SchedulerLease(mongo, clock);
    }

    @Bean
    DelayWatch delayWatch(ProjectRepository projects, ProjectService service, SchedulerLease lease, DelaySettings settings,
                          CommissionCalendar calendar) {
        return new DelayWatch(projects, service, lease, settings, calendar.clock());
    }

    @Bean
    PeriodicTask delayWatchSchedule(DelayWatch watch) {
        return watch.schedule();
    }
}
