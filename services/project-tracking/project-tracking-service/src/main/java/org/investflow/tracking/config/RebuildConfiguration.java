package org.investflow.tracking.config;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.messaging.CloudEventCodec;
import org.investflow.platform.scheduling.PeriodicTask;
import org.investflow.platform.scheduling.SchedulerLease;
import org.investflow.signing.events.SigningEvents;
import org.investflow.tracking.events.TrackingEvents;
import org.investflow.tracking.pipeline.CaseTallies;
import org.investflow.tracking.pipeline.PipelineProjection;
import org.investflow.tracking.pipeline.PipelineSettings;
import org.investflow.tracking.pipeline.persistence.CaseDocuments;
import org.investflow.tracking.pipeline.persistence.rebuild.PipelineRebuild;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The rebuild of the pipeline read model (the broker settings of the service's consumers, the four topics it reads),
 * and the recovery of what cases owe the tallies after a crash, on one instance at a time.
 */
@Configuration(proxyBeanMethods = false)
class RebuildConfiguration {

    @Bean
    PipelineRebuild pipelineRebuild(ReactiveMongoTemplate mongo, CaseDocuments documents, PipelineProjection projection,
                                    CaseTallies tallies, CloudEventCodec codec, KafkaProperties kafka, SchedulerLease lease,
                                    MeterRegistry meters) {
        return new PipelineRebuild(mongo, documents, projection, tallies, codec, kafka.buildConsumerProperties(),
                List.of(IntakeEvents.CATALOG, NegotiationEvents.CATALOG, SigningEvents.CATALOG, TrackingEvents.CATALOG),
                lease, meters);
    }

    @Bean
    PeriodicTask tallyRecovery(PipelineProjection projection, SchedulerLease lease, PipelineSettings settings) {
        return new PeriodicTask("tally recovery", settings.recoveryInterval(),
                () -> lease.runExclusively("project-tracking-tally-recovery", settings.recoveryInterval().multipliedBy(5),
                        projection.recover(settings.recoveryAge())));
    }
}
