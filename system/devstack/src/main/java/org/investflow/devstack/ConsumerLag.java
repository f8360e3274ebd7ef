package org.investflow.devstack;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the consumer groups on a broker lag behind, as an operator's {@code kafka-consumer-groups --describe} would
 * show it: for every group and every partition it committed on, the partition's end offset (Admin listOffsets, latest)
 * minus the committed offset.
 */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    /** The lag of every consumer group on {@code bootstrapServers}, summed over its partitions, by group id. */
    public static Map<String, Long> byGroup(String bootstrapServers)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<String, Long> lags = new HashMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                long lag = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                    lag += ends.get(entry.getKey()).offset() - entry.getValue().offset();
                }
                lags.put(group.groupId(), lag);
            }
            return lags;
        }
    }

    /** The lag of all groups together. */
    public static long total(String bootstrapServers) throws InterruptedException, ExecutionException, TimeoutException {
        return byGroup(bootstrapServers).values().stream().mapToLong(Long::longValue).sum();
    }
}
