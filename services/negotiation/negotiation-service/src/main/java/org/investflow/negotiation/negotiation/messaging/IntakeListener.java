package org.investflow.negotiation.negotiation.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.negotiation.negotiation.NegotiationService;
import org.investflow.platform.messaging.InboundEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Hears intake's facts: an accepted intention opens a negotiation. Poison records go to
 * {@code intake.events.DLT}; the offset is committed when the returned {@code Mono} completes.
 */
@Component
class IntakeListener {

    private final InboundEvents inbound;
    private final NegotiationService negotiations;

    IntakeListener(InboundEvents inbound, NegotiationService negotiations) {
        this.inbound = inbound;
        this.negotiations = negotiations;
    }

    @KafkaListener(topics = IntakeEvents.TOPIC, groupId = "negotiation")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.consume(record, IntakeEvents.CATALOG, negotiations::handle);
    }
}
