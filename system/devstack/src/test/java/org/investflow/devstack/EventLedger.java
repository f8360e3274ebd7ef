package org.investflow.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything on the system's topics after a fault run, read from the start: which payloads each event id carried,
 * which distinct event ids announced each (case, type).
 */
final class EventLedger {

    /** One event as it sits on its topic. */
    record Event(String topic, String caseId, String id, String type, String payload) {
    }

    private final List<Event> events;

    private EventLedger(List<Event> events) {
        this.events = List.copyOf(events);
    }

    static EventLedger read(String bootstrapServers, List<String> topics) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream().flatMap(topic -> consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Event> events = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> events.add(event(record)));
            }
            return new EventLedger(events);
        }
    }

    private static Event event(ConsumerRecord<String, byte[]> record) {
        return new Event(record.topic(), record.key(), header(record, "ce_id"), header(record, "ce_type"),
                new String(record.value(), StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    int size() {
        return events.size();
    }

    /** Records that repeat an event id already on the topic (at-least-once redeliveries of the relay). */
    int redelivered() {
        return events.size() - (int) events.stream().map(Event::id).distinct().count();
    }

    /** Event ids that were published with more than one payload or type: must be none. */
    Map<String, Set<String>> idsWithDifferentPayloads() {
        Map<String, Set<String>> byId = new HashMap<>();
        events.forEach(event -> byId.computeIfAbsent(event.id(), id -> new HashSet<>()).add(event.type() + " " + event.payload()));
        byId.values().removeIf(payloads -> payloads.size() == 1);
        return byId;
    }

    /** For {@code type}: the cases with more than one distinct event id of it, i.e. the transition applied twice. */
    Map<String, Set<String>> casesWithTransitionAppliedTwice(String type) {
        Map<String, Set<String>> idsByCase = new HashMap<>();
        events.stream().filter(event -> type.equals(event.type()))
                .forEach(event -> idsByCase.computeIfAbsent(event.caseId(), id -> new HashSet<>()).add(event.id()));
        idsByCase.values().removeIf(ids -> ids.size() == 1);
        return idsByCase;
    }

    /** How many events of {@code type} each case has, by distinct id. */
    Set<String> casesWith(String type) {
        Set<String> cases = new HashSet<>();
        events.stream().filter(event -> type.equals(event.type())).forEach(event -> cases.add(event.caseId()));
        return cases;
    }
}
