package org.investflow.signing.envelope.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.messaging.InboundEvents;
import org.investflow.signing.envelope.EnvelopeService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Hands negotiation's events to the envelopes; retries and dead letters are {@link InboundEvents}' job,
 * and the offset is committed when the returned Mono completes.
 */
@Component
class NegotiationListener {

    private final InboundEvents inbound;
    private final EnvelopeService envelopes;

    NegotiationListener(InboundEvents inbound, EnvelopeService envelopes) {
        this.inbound = inbound;
        this.envelopes = envelopes;
    }

    @KafkaListener(topics = NegotiationEvents.TOPIC, groupId = "e-signature")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.consume(record, NegotiationEvents.CATALOG, envelopes::handle);
    }
}
