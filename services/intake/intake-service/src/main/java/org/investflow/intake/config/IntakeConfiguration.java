package org.investflow.intake.config;

import java.time.Clock;
import java.time.Duration;

import org.investflow.intake.assignment.AssignmentProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.investflow.intake.intention.IntentionForm;
import org.investflow.intake.intention.IntentionService;
import org.investflow.intake.intention.persistence.CompanyCases;
import org.investflow.intake.intention.persistence.IntentionQueries;
import org.investflow.intake.intention.persistence.KeyedViewsBackfill;
import org.investflow.intake.intention.persistence.OfficerLoads;
import org.investflow.platform.scheduling.PeriodicTask;
import org.investflow.platform.scheduling.SchedulerLease;
import org.investflow.intake.servicelevel.ServiceLevelProperties;
import org.investflow.intake.servicelevel.scheduling.OverdueCheck;
import org.investflow.intake.reference.ReferenceData;
import org.investflow.intake.screening.NegativeList;
import org.investflow.intake.screening.Screening;
import org.investflow.intake.screening.ScreeningProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Wires intake's plain-Java rules to their shipped data and settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ScreeningProperties.class, AssignmentProperties.class, ServiceLevelProperties.class})
class IntakeConfiguration {

    @Bean
    ReferenceData referenceData() {
        return ReferenceData.shipped();
    }

    @Bean
    Screening screening(ScreeningProperties settings) {
        return new Screening(NegativeList.shipped(settings.negativeListEdition()), settings);
    }

    @Bean
    SchedulerLease schedulerLease(ReactiveMongoTemplate mongo, Clock clock) {
        return new SchedulerLease(mongo, clock);
    }

    @Bean
    OverdueCheck overdueCheck(IntentionQueries queries, IntentionService intentions, SchedulerLease lease,
                              ServiceLevelProperties settings, Clock clock, MeterRegistry meters) {
        return new OverdueCheck(queries, intentions, lease, settings, clock, meters);
    }

    @Bean
    PeriodicTask overdueCheckSchedule(OverdueCheck check) {
        return check.schedule();
    }

    @Bean
    KeyedViewsBackfill keyedViewsBackfill(ReactiveMongoTemplate mongo, CompanyCases companyCases, OfficerLoads loads,
                                          AssignmentProperties officers, ScreeningProperties screening, SchedulerLease lease,
                                          Clock clock) {
        return new KeyedViewsBackfill(mongo, companyCases, loads, officers, screening, lease, clock);
    }

    /** The backfill at start (a no-op once done), and hourly again should the first try have failed. */
    @Bean
    PeriodicTask keyedViewsBackfillSchedule(KeyedViewsBackfill backfill) {
        return new PeriodicTask("intake keyed-views backfill", Duration.ZERO, Duration.ofHours(1), backfill::runOnce,
                PeriodicTask.DEFAULT_PHASE);
    }

    @Bean
    IntentionForm intentionForm(ReferenceData reference, Screening screening, Clock clock) {
        return new IntentionForm(reference, screening, clock);
    }
}
