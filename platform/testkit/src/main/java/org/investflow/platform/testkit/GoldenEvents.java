package org.investflow.platform.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.investflow.platform.domain.OutboxMessage;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;
import org.investflow.platform.messaging.CloudEventCodec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The producers' golden examples, as consumers' tests feed them: the example JSON of a type, with
 * some fields replaced (typically {@code caseId}), wrapped as the Kafka record the producer would
 * publish.
 */
public final class GoldenEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CloudEventCodec CODEC = new CloudEventCodec(JSON);

    private GoldenEvents() {
    }

    /** The golden example of {@code type} as it is stored in the producer's events module. */
    public static String example(EventCatalog catalog, String type) {
        return read(catalog.exampleResource(typeOf(catalog, type)));
    }

    /** The golden example with {@code overrides} applied, as a CloudEvents Kafka record with a fresh id. */
    public static ProducerRecord<String, byte[]> record(EventCatalog catalog, String type, Map<String, Object> overrides) {
        return record(catalog, type, UUID.randomUUID().toString(), overrides);
    }

    /** As {@link #record(EventCatalog, String, Map)} with a given CloudEvents id (to redeliver the same event). */
    public static ProducerRecord<String, byte[]> record(EventCatalog catalog, String type, String eventId,
                                                        Map<String, Object> overrides) {
        ObjectNode body = (ObjectNode) JSON.readTree(example(catalog, type));
        overrides.forEach((field, value) -> body.set(field, JSON.valueToTree(value)));
        String caseId = body.path("caseId").asText();
        OutboxMessage message = new OutboxMessage(eventId, catalog.topic(), type, catalog.source(), caseId,
                Instant.parse(body.path("occurredAt").asText("2026-01-01T00:00:00Z")), JSON.writeValueAsString(body),
                body.path("actor").path("id").asText("investflow"), body.path("actor").path("role").asText("SYSTEM"));
        return CODEC.toRecord(message);
    }

    static EventType<?> typeOf(EventCatalog catalog, String type) {
        return catalog.forType(type).orElseThrow(() -> new IllegalArgumentException(type + " is not in " + catalog.topic()));
    }

    static String read(String resource) {
        try (InputStream in = GoldenEvents.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing contract file " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        return JSON.readTree(json);
    }
}
