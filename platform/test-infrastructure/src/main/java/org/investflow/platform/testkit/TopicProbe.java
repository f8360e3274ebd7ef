package org.investflow.platform.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic of the shared broker from its beginning, so tests can await the records a
 * service published. Close it when done.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicProbe(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** A probe on {@code topic} of the shared test broker. */
    public static TopicProbe of(String topic) {
        return new TopicProbe(SharedInfrastructure.bootstrapServers(), topic);
    }

    /** A probe on {@code topic} of the broker at {@code bootstrapServers}. */
    public static TopicProbe on(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic);
    }

    /** Waits up to 30 s for a record matching {@code wanted} and returns the first such record. */
    public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> wanted) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> poll(wanted), found -> found != null);
    }

    /** Waits for the record of case {@code caseId} with CloudEvents type {@code type}. */
    public ConsumerRecord<String, byte[]> await(String caseId, String type) {
        return await(record -> caseId.equals(record.key()) && type.equals(header(record, "ce_type")));
    }

    /** Every record of {@code caseId} seen so far (call after an await). */
    public List<ConsumerRecord<String, byte[]>> seenFor(String caseId) {
        return seen.stream().filter(record -> caseId.equals(record.key())).toList();
    }

    /** Every record seen so far. */
    public List<ConsumerRecord<String, byte[]>> seenAll() {
        return List.copyOf(seen);
    }

    private ConsumerRecord<String, byte[]> poll(Predicate<ConsumerRecord<String, byte[]>> wanted) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(wanted).findFirst().orElse(null);
    }

    /** A header's value as text, or null. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
