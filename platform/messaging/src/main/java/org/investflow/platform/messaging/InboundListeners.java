package org.investflow.platform.messaging;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import reactor.core.publisher.Mono;

/**
 * The Kafka listeners of a service, made from its {@link Inbound} registrations: one listener per
 * consumed topic per consumer group, each the equivalent of a {@code @KafkaListener} method that
 * returns {@code Mono<Void>} (so the offset is committed only when the handler's work completed,
 * records of a partition one at a time), consuming through {@link InboundEvents}.
 */
public class InboundListeners implements KafkaListenerConfigurer {

    private static final Method ON_RECORD = listenerMethod(TopicListener.class, ConsumerRecord.class);
    private static final Method ON_BATCH = listenerMethod(BatchListener.class, List.class, Consumer.class);

    private final List<Inbound> groups;
    private final List<BatchInbound> batchGroups;
    private final InboundEvents inbound;
    private final KafkaListenerContainerFactory<?> containers;

    public InboundListeners(List<Inbound> groups, InboundEvents inbound, KafkaListenerContainerFactory<?> containers) {
        this(groups, List.of(), inbound, containers);
    }

    public InboundListeners(List<Inbound> groups, List<BatchInbound> batchGroups, InboundEvents inbound,
                            KafkaListenerContainerFactory<?> containers) {
        this.groups = List.copyOf(groups);
        this.batchGroups = List.copyOf(batchGroups);
        this.inbound = inbound;
        this.containers = containers;
    }

    /** Every topic some consumer group of this service reads: derived from the registrations, not configured. */
    public Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        groups.forEach(group -> topics.addAll(group.topics()));
        batchGroups.forEach(group -> topics.addAll(group.topics()));
        return topics;
    }

    /**
     * Refuses to start when the topics a service declares it consumes ({@code investflow.messaging.consumes},
     * read by deployment checks) differ from the topics its registrations consume.
     */
    public void verifyDeclared(List<String> declared) {
        if (!new TreeSet<>(declared).equals(consumedTopics())) {
            throw new IllegalStateException("investflow.messaging.consumes " + new TreeSet<>(declared)
                    + " differs from the topics the service's Inbound registrations consume " + consumedTopics());
        }
    }

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        DefaultMessageHandlerMethodFactory methods = new DefaultMessageHandlerMethodFactory();
        methods.afterPropertiesSet();
        for (Inbound group : groups) {
            for (String topic : group.topics()) {
                registrar.registerEndpoint(endpoint(group, topic, methods), containers);
            }
        }
        for (BatchInbound group : batchGroups) {
            registrar.registerEndpoint(batchEndpoint(group, methods), containers);
        }
    }

    /**
     * One batch listener over all of the group's topics: up to {@code maxRecords} records per poll, partitions assigned
     * by range so that the same partition number of every topic (the same cases) has one consumer.
     */
    private MethodKafkaListenerEndpoint<String, byte[]> batchEndpoint(BatchInbound group, DefaultMessageHandlerMethodFactory methods) {
        MethodKafkaListenerEndpoint<String, byte[]> endpoint = new MethodKafkaListenerEndpoint<>();
        endpoint.setId(group.groupId());
        endpoint.setGroupId(group.groupId());
        endpoint.setTopics(group.topics().toArray(String[]::new));
        endpoint.setBatchListener(true);
        Properties consumer = new Properties();
        consumer.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(group.maxRecords()));
        consumer.setProperty(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        endpoint.setConsumerProperties(consumer);
        endpoint.setBean(new BatchListener(inbound, group));
        endpoint.setMethod(ON_BATCH);
        endpoint.setMessageHandlerMethodFactory(methods);
        return endpoint;
    }

    private MethodKafkaListenerEndpoint<String, byte[]> endpoint(Inbound group, String topic,
                                                                DefaultMessageHandlerMethodFactory methods) {
        MethodKafkaListenerEndpoint<String, byte[]> endpoint = new MethodKafkaListenerEndpoint<>();
        endpoint.setId(group.groupId() + "." + topic);
        endpoint.setGroupId(group.groupId());
        endpoint.setTopics(topic);
        endpoint.setBean(new TopicListener(inbound, group));
        endpoint.setMethod(ON_RECORD);
        endpoint.setMessageHandlerMethodFactory(methods);
        return endpoint;
    }

    private static Method listenerMethod(Class<?> listener, Class<?>... parameters) {
        try {
            return listener.getMethod("on", parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The listener of one topic in one group; public only because spring-kafka invokes it reflectively. */
    public static final class TopicListener {

        private final InboundEvents inbound;
        private final Inbound group;

        TopicListener(InboundEvents inbound, Inbound group) {
            this.inbound = inbound;
            this.group = group;
        }

        public Mono<Void> on(ConsumerRecord<String, byte[]> record) {
            return inbound.consume(record, group);
        }
    }

    /** The listener of one batch group; public only because spring-kafka invokes it reflectively. */
    public static final class BatchListener {

        private final InboundEvents inbound;
        private final BatchInbound group;

        BatchListener(InboundEvents inbound, BatchInbound group) {
            this.inbound = inbound;
            this.group = group;
        }

        /**
         * Consumes the batch, then wakes its consumer: spring-kafka pauses the consumer while the batch's {@code Mono}
         * runs and, unlike a record's acknowledgement, a batch's does not wake it, so it would take its next batch only
         * when its paused poll timed out. {@code doFinally} runs after the completion reached spring-kafka, which has
         * queued the batch's acknowledgement by then; {@link Consumer#wakeup()} is the one method of the consumer that
         * may be called from another thread.
         */
        public Mono<Void> on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
            return inbound.consumeBatch(records, group).doFinally(signal -> consumer.wakeup());
        }
    }
}
