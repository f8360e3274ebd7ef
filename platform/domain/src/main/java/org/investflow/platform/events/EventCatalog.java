package org.investflow.platform.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published contract of one producing service: its topic, its CloudEvents {@code source} and
 * every event type it writes. Producers look up a record's type string here, consumers look up the
 * record class of an incoming {@code ce_type}. JSON Schemas and golden examples live on the
 * classpath under {@code /contracts/<topic>/<stem>.schema.json} and {@code .example.json}.
 */
public final class EventCatalog {

    private final String topic;
    private final String source;
    private final Map<String, EventType<?>> byType = new LinkedHashMap<>();
    private final Map<Class<?>, EventType<?>> byClass = new LinkedHashMap<>();

    private EventCatalog(String topic, String source, List<EventType<?>> types) {
        this.topic = topic;
        this.source = source;
        types.forEach(this::register);
    }

    /** A catalogue for {@code topic}, whose events carry {@code source} as their CloudEvents source. */
    public static EventCatalog of(String topic, String source, EventType<?>... types) {
        return new EventCatalog(topic, source, List.of(types));
    }

    private void register(EventType<?> type) {
        if (byType.put(type.type(), type) != null || byClass.put(type.recordClass(), type) != null) {
            throw new IllegalArgumentException("duplicate event type " + type);
        }
    }

    public String topic() {
        return topic;
    }

    public String deadLetterTopic() {
        return topic + ".DLT";
    }

    public String source() {
        return source;
    }

    public List<EventType<?>> types() {
        return List.copyOf(byType.values());
    }

    public Optional<EventType<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Optional<EventType<?>> forRecord(Class<?> recordClass) {
        return Optional.ofNullable(byClass.get(recordClass));
    }

    /** Classpath location of the JSON Schema of {@code type}. */
    public String schemaResource(EventType<?> type) {
        return "/contracts/" + topic + "/" + type.fileStem() + ".schema.json";
    }

    /** Classpath location of the golden example of {@code type}. */
    public String exampleResource(EventType<?> type) {
        return "/contracts/" + topic + "/" + type.fileStem() + ".example.json";
    }
}
