package org.investflow.tracking.pipeline.persistence.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.messaging.CloudEventCodec;
import org.investflow.platform.messaging.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the pipeline's topics from the beginning with a consumer of its own (group
 * {@code project-tracking-pipeline-rebuild}, partitions assigned, nothing committed), up to the end offsets
 * of a moment, and can then read on from where it stopped to later end offsets (catch-up). Blocking: run it
 * on a worker thread. Records that cannot be read (they went to the dead-letter topic live) are skipped.
 */
final class TopicReplay implements AutoCloseable {

    static final String GROUP = "project-tracking-pipeline-rebuild";
    private static final Logger log = LoggerFactory.getLogger(TopicReplay.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final CloudEventCodec codec;
    private final Map<String, EventCatalog> catalogs;
    private long skipped;

    TopicReplay(Map<String, Object> consumerProperties, CloudEventCodec codec, List<EventCatalog> catalogs) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        this.codec = codec;
        this.catalogs = new HashMap<>();
        catalogs.forEach(catalog -> this.catalogs.put(catalog.topic(), catalog));
        List<TopicPartition> partitions = new ArrayList<>();
        this.catalogs.keySet().forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads every record up to the end offsets of now, handing each readable event to {@code sink}; returns how many. */
    long readToEnd(Consumer<IncomingEvent> sink) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30));
        long read = 0;
        while (!reached(ends)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                read++;
                decode(record).ifPresent(sink);
            }
        }
        return read;
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey(), Duration.ofSeconds(30)) >= end.getValue());
    }

    private java.util.Optional<IncomingEvent> decode(ConsumerRecord<String, byte[]> record) {
        try {
            return codec.read(record, catalogs.get(record.topic()));
        } catch (RuntimeException unreadable) {
            skipped++;
            log.debug("rebuild skips unreadable {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), unreadable.toString());
            return java.util.Optional.empty();
        }
    }

    /** Records that could not be read. */
    long skipped() {
        return skipped;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
