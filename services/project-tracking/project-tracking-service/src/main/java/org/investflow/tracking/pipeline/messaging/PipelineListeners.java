package org.investflow.tracking.pipeline.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.messaging.InboundEvents;
import org.investflow.signing.events.SigningEvents;
import org.investflow.tracking.events.TrackingEvents;
import org.investflow.tracking.pipeline.PipelineService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Feeds every service's facts to the pipeline read model. Its consumer group is its own, so the
 * read model has its own offsets (and can be rebuilt by resetting them) apart from the projects'.
 */
@Component
class PipelineListeners {

    static final String GROUP = "project-tracking-pipeline";

    private final InboundEvents inbound;
    private final PipelineService pipeline;

    PipelineListeners(InboundEvents inbound, PipelineService pipeline) {
        this.inbound = inbound;
        this.pipeline = pipeline;
    }

    @KafkaListener(topics = IntakeEvents.TOPIC, groupId = GROUP)
    Mono<Void> onIntake(ConsumerRecord<String, byte[]> record) {
        return apply(record, IntakeEvents.CATALOG);
    }

    @KafkaListener(topics = NegotiationEvents.TOPIC, groupId = GROUP)
    Mono<Void> onNegotiation(ConsumerRecord<String, byte[]> record) {
        return apply(record, NegotiationEvents.CATALOG);
    }

    @KafkaListener(topics = SigningEvents.TOPIC, groupId = GROUP)
    Mono<Void> onSigning(ConsumerRecord<String, byte[]> record) {
        return apply(record, SigningEvents.CATALOG);
    }

    @KafkaListener(topics = TrackingEvents.TOPIC, groupId = GROUP)
    Mono<Void> onTracking(ConsumerRecord<String, byte[]> record) {
        return apply(record, TrackingEvents.CATALOG);
    }

    private Mono<Void> apply(ConsumerRecord<String, byte[]> record, EventCatalog catalog) {
        return inbound.consume(record, catalog, pipeline::handle);
    }
}
