package org.investflow.platform.messaging.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.investflow.platform.domain.NotFoundException;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The dead letters of the topics a service consumes: lists a topic's {@code <topic>.DLT}, and replays
 * one record (by its partition and offset there) or all of them to the topic it came from, with its
 * key, value and CloudEvents headers but without the {@code kafka_dlt-*} ones. A replay is idempotent
 * where it matters: the event keeps its id, so the consumer's inbox absorbs a second replay.
 *
 * <p>What counts as waiting: per partition of the dead-letter topic, its end offset minus the offset
 * committed by this service's replay group ({@code <application>-dead-letters}); replaying all moves that
 * mark to the end, replaying the next waiting record moves it by one. A record replayed out of order
 * stays counted until the records before it are replayed.
 */
public class DeadLetterQueue implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final int LIMIT = 1000;

    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Collection<String> topics;
    private final String group;
    private final Map<String, Object> adminConfiguration;
    private Admin admin;

    public DeadLetterQueue(ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> kafka,
                           Map<String, Object> adminConfiguration, Collection<String> topics, String application) {
        this.consumers = consumers;
        this.adminConfiguration = Map.copyOf(adminConfiguration);
        this.kafka = kafka;
        this.topics = List.copyOf(topics);
        this.group = application + "-dead-letters";
    }

    /** The topics whose dead letters this service keeps: those it consumes. */
    public Collection<String> topics() {
        return topics;
    }

    /** The first {@value #LIMIT} dead letters of {@code topic}, partition by partition in offset order. */
    public Mono<List<DeadLetter>> list(String topic) {
        return read(topic, records -> records.stream().map(DeadLetterQueue::describe).toList());
    }

    /** Replays the dead letter at {@code partition}/{@code offset} of {@code topic}'s DLT; not found if there is none. */
    public Mono<DeadLetter> replay(String topic, int partition, long offset) {
        return read(topic, records -> records.stream()
                        .filter(record -> record.partition() == partition && record.offset() == offset).findFirst())
                .flatMap(found -> Mono.justOrEmpty(found))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("dead letter", topic + ".DLT-" + partition + "@" + offset)))
                .flatMap(record -> resend(record).then(markIfNext(record)).thenReturn(describe(record)));
    }

    /** Replays every dead letter of {@code topic} in order and marks them all replayed; emits how many. */
    public Mono<Integer> replayAll(String topic) {
        return read(topic, records -> records)
                .flatMap(records -> Flux.fromIterable(records).concatMap(this::resend).then(mark(records)).thenReturn(records.size()));
    }

    /**
     * Dead letters of {@code topic} not yet replayed (see the class comment for the definition), read with
     * the service's one long-lived admin client: a metadata call and two offset lookups, no consumer.
     */
    public Mono<Long> waiting(String topic) {
        if (!topics.contains(topic)) {
            return Mono.error(new NotFoundException("dead-letter topic of", topic));
        }
        return Mono.fromCallable(() -> countWaiting(topic + ".DLT")).subscribeOn(Schedulers.boundedElastic());
    }

    private long countWaiting(String deadLetterTopic) throws Exception {
        Admin admin = admin();
        List<TopicPartition> partitions;
        try {
            partitions = admin.describeTopics(List.of(deadLetterTopic)).allTopicNames().get().get(deadLetterTopic)
                    .partitions().stream().map(info -> new TopicPartition(deadLetterTopic, info.partition())).toList();
        } catch (ExecutionException absent) {
            if (absent.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw absent;
        }
        Map<TopicPartition, OffsetAndMetadata> marks = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(admin, partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(admin, partitions, OffsetSpec.earliest());
        return partitions.stream().mapToLong(partition -> ends.get(partition).offset()
                - (marks.get(partition) == null ? starts.get(partition).offset() : marks.get(partition).offset())).sum();
    }

    private static Map<TopicPartition, ListOffsetsResultInfo> offsets(Admin admin, List<TopicPartition> partitions,
                                                                      OffsetSpec spec) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> spec)))
                .all().get();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfiguration);
        }
        return admin;
    }

    /** Closes the admin client, if one was opened. */
    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }

    private static long beginning(Consumer<String, byte[]> consumer, TopicPartition partition) {
        return consumer.beginningOffsets(List.of(partition)).get(partition);
    }

    private <T> Mono<T> read(String topic, Function<List<ConsumerRecord<String, byte[]>>, T> use) {
        return withConsumer(topic, (consumer, partitions) -> use.apply(readAll(consumer, partitions)));
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        while (records.size() < LIMIT && partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            consumer.poll(POLL).forEach(records::add);
        }
        return records.size() > LIMIT ? records.subList(0, LIMIT) : records;
    }

    private <T> Mono<T> withConsumer(String topic, java.util.function.BiFunction<Consumer<String, byte[]>, List<TopicPartition>, T> use) {
        if (!topics.contains(topic)) {
            return Mono.error(new NotFoundException("dead-letter topic of", topic));
        }
        return Mono.fromCallable(() -> {
            Properties overrides = new Properties();
            overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
            try (Consumer<String, byte[]> consumer = consumers.createConsumer(group, null, null, overrides)) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic + ".DLT").stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                return use.apply(consumer, partitions);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Void> resend(ConsumerRecord<String, byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-")) {
                headers.add(header);
            }
        }
        String original = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        String target = original != null ? original : record.topic().substring(0, record.topic().length() - ".DLT".length());
        return Mono.fromFuture(() -> kafka.send(new ProducerRecord<>(target, null, record.key(), record.value(), headers))).then();
    }

    private Mono<Void> markIfNext(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        return Mono.fromRunnable(() -> {
            try (Consumer<String, byte[]> consumer = consumers.createConsumer(group, null, null, new Properties())) {
                OffsetAndMetadata mark = consumer.committed(java.util.Set.of(partition)).get(partition);
                long next = mark == null ? beginning(consumer, partition) : mark.offset();
                if (next == record.offset()) {
                    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private Mono<Void> mark(List<ConsumerRecord<String, byte[]>> records) {
        return Flux.fromIterable(records).concatMap(this::markIfNext).then();
    }

    static DeadLetter describe(ConsumerRecord<String, byte[]> record) {
        return new DeadLetter(record.partition(), record.offset(), record.key(),
                text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION, buffer -> buffer.getInt()),
                number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET, buffer -> buffer.getLong()),
                text(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                text(record, "ce_id"), text(record, "ce_type"));
    }

    private static String text(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <T> T number(ConsumerRecord<String, byte[]> record, String name, Function<ByteBuffer, T> read) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : read.apply(ByteBuffer.wrap(header.value()));
    }
}
