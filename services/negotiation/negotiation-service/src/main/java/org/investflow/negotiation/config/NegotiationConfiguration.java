package org.investflow.negotiation.config;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.investflow.negotiation.negotiation.ApprovalPolicy;
import org.investflow.negotiation.negotiation.NegotiationLimits;
import org.investflow.negotiation.negotiation.NegotiationMetrics;
import org.investflow.negotiation.negotiation.NegotiationService;
import org.investflow.negotiation.negotiation.persistence.NegotiationRepository;
import org.investflow.negotiation.negotiation.scheduling.NegotiationWatch;
import org.investflow.platform.scheduling.PeriodicTask;
import org.investflow.platform.scheduling.SchedulerLease;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The approval policy, metrics and the watch, built from {@link NegotiationSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NegotiationSettings.class)
class NegotiationConfiguration {

    @Bean
    ApprovalPolicy approvalPolicy(NegotiationSettings settings) {
        return settings.approval().policy();
    }

    @Bean
    NegotiationLimits negotiationLimits(NegotiationSettings settings) {
        return settings.limits().limits();
    }

    @Bean
    NegotiationMetrics negotiationMetrics(MeterRegistry meters) {
        return new NegotiationMetrics(meters);
    }

    @Bean
    SchedulerLease schedulerLease(ReactiveMongoTemplate mongo, Clock clock) {
        return new SchedulerLease(mongo, clock);
    }

    @Bean
    NegotiationWatch negotiationWatch(NegotiationRepository repository, NegotiationService negotiations, SchedulerLease lease,
                                      NegotiationSettings settings, Clock clock, MeterRegistry meters) {
        return new NegotiationWatch(repository, negotiations, lease,
                new NegotiationWatch.Periods(settings.inactivity(), settings.approval().escalateAfter(), settings.checkInterval()),
                clock, meters);
    }

    @Bean
    PeriodicTask negotiationWatchSchedule(NegotiationWatch watch) {
        return watch.schedule();
    }
}
