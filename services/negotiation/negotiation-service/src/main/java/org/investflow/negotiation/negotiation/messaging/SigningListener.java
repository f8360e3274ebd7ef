package org.investflow.negotiation.negotiation.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.investflow.negotiation.negotiation.NegotiationService;
import org.investflow.platform.messaging.InboundEvents;
import org.investflow.signing.events.SigningEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Hears e-signature's facts: a declined, expired or voided contract reopens the agreement it was drafted
 * from. Poison records go to {@code signing.events.DLT}; the offset is committed when the returned
 * {@code Mono} completes.
 */
@Component
class SigningListener {

    private final InboundEvents inbound;
    private final NegotiationService negotiations;

    SigningListener(InboundEvents inbound, NegotiationService negotiations) {
        this.inbound = inbound;
        this.negotiations = negotiations;
    }

    @KafkaListener(topics = SigningEvents.TOPIC, groupId = "negotiation")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.consume(record, SigningEvents.CATALOG, negotiations::reactToContract);
    }
}
