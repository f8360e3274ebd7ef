package org.investflow.tracking.pipeline.messaging;

import org.investflow.intake.events.IntakeEvents;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.messaging.Inbound;
import org.investflow.signing.events.SigningEvents;
import org.investflow.tracking.events.TrackingEvents;
import org.investflow.tracking.pipeline.PipelineService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Feeds every service's facts to the pipeline read model. Its consumer group is its own, so the
 * read model has its own offsets (and can be rebuilt by resetting them) apart from the projects'.
 */
@Configuration(proxyBeanMethods = false)
class PipelineSubscriptions {

    static final String GROUP = "project-tracking-pipeline";

    @Bean
    Inbound pipelineInbound(PipelineService pipeline) {
        return Inbound.group(GROUP, IntakeEvents.CATALOG, NegotiationEvents.CATALOG, SigningEvents.CATALOG, TrackingEvents.CATALOG)
                .onEvery(IntakeEvents.CATALOG, pipeline::apply)
                .onEvery(NegotiationEvents.CATALOG, pipeline::apply)
                .onEvery(SigningEvents.CATALOG, pipeline::apply)
                .onEvery(TrackingEvents.CATALOG, pipeline::apply);
    }
}
