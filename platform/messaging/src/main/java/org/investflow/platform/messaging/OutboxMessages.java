package org.investflow.platform.messaging;

import java.util.List;
import java.util.UUID;

import org.investflow.platform.domain.OutboxMessage;
import org.investflow.platform.events.CaseEvent;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;

/**
 * Turns the events a command returned into outbox messages of the producer's catalogue, ready to be
 * stored with the aggregate. A record missing from the catalogue is a programming error.
 */
public class OutboxMessages {

    private final CloudEventCodec codec;

    public OutboxMessages(CloudEventCodec codec) {
        this.codec = codec;
    }

    public List<OutboxMessage> of(EventCatalog catalog, List<? extends CaseEvent> events) {
        return events.stream().map(event -> of(catalog, event)).toList();
    }

    private OutboxMessage of(EventCatalog catalog, CaseEvent event) {
        EventType<?> type = catalog.forRecord(event.getClass())
                .orElseThrow(() -> new IllegalStateException(event.getClass() + " is not in the catalogue of " + catalog.topic()));
        return new OutboxMessage(UUID.randomUUID().toString(), catalog.topic(), type.type(), catalog.source(),
                event.caseId(), event.occurredAt(), codec.toJson((Record) event), event.actor().id(), event.actor().role().name());
    }
}
