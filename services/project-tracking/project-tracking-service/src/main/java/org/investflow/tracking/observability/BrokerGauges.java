package org.investflow.tracking.observability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.investflow.platform.messaging.InboundListeners;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What the broker says about project tracking's inputs: {@code investflow_tracking_dlt_records{topic}},
 * the records waiting in each dead-letter topic of a consumed topic, and
 * {@code investflow_tracking_consumer_lag{group,topic}}, the records each consumer group has not yet
 * committed. Both label sets are fixed by configuration (4 topics, 2 groups). The broker's admin
 * calls block, so they run on the bounded-elastic scheduler.
 */
@Component
class BrokerGauges implements DisposableBean {

    static final List<String> GROUPS = List.of("project-tracking", "project-tracking-pipeline");
    private static final long TIMEOUT_SECONDS = 10;

    private final KafkaAdmin kafkaAdmin;
    private final List<String> consumed;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();
    private volatile Admin admin;

    BrokerGauges(KafkaAdmin kafkaAdmin, InboundListeners listeners, MeterRegistry meters) {
        this.kafkaAdmin = kafkaAdmin;
        this.consumed = List.copyOf(listeners.consumedTopics());
        this.meters = meters;
        this.consumed.forEach(topic -> {
            gauge("investflow.tracking.dlt.records", "records waiting in a dead-letter topic", "topic", topic + ".DLT");
            GROUPS.forEach(group -> gauge("investflow.tracking.consumer.lag", "records a consumer group has not committed yet",
                    "group", group, "topic", topic));
        });
    }

    private void gauge(String name, String description, String... tags) {
        AtomicLong value = values.computeIfAbsent(name + String.join(",", tags), key -> new AtomicLong());
        Gauge.builder(name, value, AtomicLong::get).description(description).tags(tags).register(meters);
    }

    /** Asks the broker once for the dead-letter sizes and the lag. */
    Mono<Void> refresh() {
        return Mono.fromRunnable(this::measure).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private void measure() {
        try {
            for (String topic : consumed) {
                String dlt = topic + ".DLT";
                Map<TopicPartition, Long> ends = offsets(dlt, OffsetSpec.latest());
                Map<TopicPartition, Long> starts = offsets(dlt, OffsetSpec.earliest());
                long waiting = ends.entrySet().stream().mapToLong(end -> end.getValue() - starts.getOrDefault(end.getKey(), 0L)).sum();
                values.get("investflow.tracking.dlt.records" + "topic," + dlt).set(waiting);
                Map<TopicPartition, Long> latest = offsets(topic, OffsetSpec.latest());
                for (String group : GROUPS) {
                    values.get("investflow.tracking.consumer.lag" + "group," + group + ",topic," + topic).set(lag(group, latest));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not answer: " + e, e);
        }
    }

    private long lag(String group, Map<TopicPartition, Long> latest) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return latest.entrySet().stream().mapToLong(end -> {
            OffsetAndMetadata done = committed.get(end.getKey());
            return Math.max(0, end.getValue() - (done == null ? 0 : done.offset()));
        }).sum();
    }

    private Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec) throws Exception {
        Set<TopicPartition> partitions = admin().describeTopics(Set.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .get(topic).partitions().stream().map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toSet());
        return admin().listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec)))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafkaAdmin.getConfigurationProperties());
                }
            }
        }
        return admin;
    }

    @Override
    public void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
