package org.investflow.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records of its topics a consumer group has not committed yet: the end offset of every partition of the
 * topics it has committed offsets on, minus its committed offset there (0 for a partition it never committed on).
 * The group commits after a batch is stored, so a lag of 0 means every record produced so far is in the read model.
 */
final class ConsumerLag implements AutoCloseable {

    private static final Duration ASK = Duration.ofSeconds(10);
    private static final long LOOK_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Admin admin;
    private final String group;

    private ConsumerLag(Admin admin, String group) {
        this.admin = admin;
        this.group = group;
    }

    static ConsumerLag of(String bootstrapServers, String group) {
        return new ConsumerLag(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)), group);
    }

    /** Records of the group's topics not committed by it now. */
    long records() {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> everyPartition = get(admin.describeTopics(topics).allTopicNames()).values().stream()
                .flatMap(topic -> topic.partitions().stream().map(partition -> new TopicPartition(topic.name(), partition.partition())))
                .collect(Collectors.toMap(Function.identity(), any -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = get(admin.listOffsets(everyPartition).all());
        return ends.entrySet().stream().mapToLong(end -> {
            OffsetAndMetadata at = committed.get(end.getKey());
            return Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
        }).sum();
    }

    /**
     * Looks every 20 ms until the group has committed every record of its topics, at most until {@code deadline}
     * ({@link System#nanoTime()}); answers whether it did.
     */
    boolean awaitNone(long deadline) {
        while (records() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(LOOK_EVERY_NANOS);
        }
        return true;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(ASK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not answer about consumer group offsets", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close(ASK);
    }
}
