package org.investflow.tracking.pipeline.messaging;

import org.investflow.intake.events.IntakeEvents;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.messaging.BatchInbound;
import org.investflow.signing.events.SigningEvents;
import org.investflow.tracking.events.TrackingEvents;
import org.investflow.tracking.pipeline.PipelineService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Feeds every service's facts to the pipeline read model: one consumer group over the four topics, in batches of up
 * to {@value #BATCH} records (one read and one write of the cases per batch; partition {@code p} of every topic goes to
 * one consumer, so a case has one writer). Its consumer group is its own, so the read model has its own offsets (and
 * can be rebuilt by resetting them) apart from the projects'.
 */
@Configuration(proxyBeanMethods = false)
class PipelineSubscriptions {

    static final String GROUP = "project-tracking-pipeline";
    static final int BATCH = 2000;

    @Bean
    BatchInbound pipelineInbound(PipelineService pipeline) {
        return BatchInbound.group(GROUP, BATCH, IntakeEvents.CATALOG, NegotiationEvents.CATALOG, SigningEvents.CATALOG,
                TrackingEvents.CATALOG).handle(pipeline::apply);
    }
}
