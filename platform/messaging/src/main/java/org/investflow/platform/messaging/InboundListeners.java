package org.investflow.platform.messaging;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    private static final Method ON_RECORD = onRecordMethod();

    private final List<Inbound> groups;
    private final InboundEvents inbound;
    private final KafkaListenerContainerFactory<?> containers;

    public InboundListeners(List<Inbound> groups, InboundEvents inbound, KafkaListenerContainerFactory<?> containers) {
        this.groups = List.copyOf(groups);
        this.inbound = inbound;
        this.containers = containers;
    }

    /** Every topic some consumer group of this service reads: derived from the registrations, not configured. */
    public Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        groups.forEach(group -> topics.addAll(group.topics()));
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

    private static Method onRecordMethod() {
        try {
            return TopicListener.class.getMethod("on", ConsumerRecord.class);
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
}
