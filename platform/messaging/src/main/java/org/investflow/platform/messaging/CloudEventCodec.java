package org.investflow.platform.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.investflow.platform.domain.OutboxMessage;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps between outbox messages, Kafka records and contract records, as CloudEvents 1.0 in Kafka
 * binary mode: attributes in {@code ce_*} headers, the JSON data as the value, key = case id.
 */
public class CloudEventCodec {

    private static final String JSON = "application/json";

    private final JsonMapper json;

    public CloudEventCodec(JsonMapper json) {
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** The Kafka record that carries {@code message}. */
    public ProducerRecord<String, byte[]> toRecord(OutboxMessage message) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(message.eventId())
                .withType(message.type())
                .withSource(URI.create(message.source()))
                .withSubject(message.caseId())
                .withTime(message.time().atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withData(message.payload().getBytes(StandardCharsets.UTF_8))
                .build();
        return KafkaMessageFactory.createWriter(message.topic(), null, null, message.caseId()).writeBinary(event);
    }

    /** Serialises a contract record to its JSON body. */
    public String toJson(Record data) {
        return json.writeValueAsString(data);
    }

    /**
     * Reads a record of {@code catalog}'s topic. Empty for a well-formed event of a type this
     * consumer does not know (a newer producer may add types); poison for anything unreadable.
     */
    public Optional<IncomingEvent> read(ConsumerRecord<String, byte[]> record, EventCatalog catalog) {
        CloudEvent event = asCloudEvent(record);
        return catalog.forType(event.getType()).map(type -> toIncoming(event, type));
    }

    private CloudEvent asCloudEvent(ConsumerRecord<String, byte[]> record) {
        try {
            CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
            if (event.getSubject() == null || event.getTime() == null || event.getData() == null) {
                throw new IllegalArgumentException("subject, time and data are required");
            }
            return event;
        } catch (RuntimeException e) {
            throw new PoisonEventException("not a valid CloudEvent: " + e.getMessage(), e);
        }
    }

    private IncomingEvent toIncoming(CloudEvent event, EventType<?> type) {
        try {
            Record data = json.readValue(event.getData().toBytes(), type.recordClass());
            return new IncomingEvent(event.getId(), event.getType(), event.getSubject(),
                    event.getTime().toInstant(), data);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("invalid " + event.getType() + " data: " + e.getMessage(), e);
        }
    }
}
