package org.investflow.tracking.project.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.investflow.platform.messaging.InboundEvents;
import org.investflow.signing.events.SigningEvents;
import org.investflow.tracking.project.ProjectService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Starts a project for every contract e-signature executes. */
@Component
class ContractListener {

    private final InboundEvents inbound;
    private final ProjectService projects;

    ContractListener(InboundEvents inbound, ProjectService projects) {
        this.inbound = inbound;
        this.projects = projects;
    }

    @KafkaListener(topics = SigningEvents.TOPIC, groupId = "project-tracking")
    Mono<Void> on(ConsumerRecord<String, byte[]> record) {
        return inbound.consume(record, SigningEvents.CATALOG, projects::handle);
    }
}
