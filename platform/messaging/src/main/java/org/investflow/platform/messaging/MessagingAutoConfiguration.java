package org.investflow.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.investflow.platform.scheduling.PeriodicTask;
import org.investflow.platform.scheduling.SchedulerLease;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka as every InvestFlow service uses it: string keys (case ids) and byte values (CloudEvents
 * data), an idempotent producer with {@code acks=all}, consumers that commit only what they
 * processed in order, bounded retry then dead letters ({@link InboundEvents}), one listener per topic
 * and consumer group made from the service's {@link Inbound} registrations, the service's topics
 * created at start-up, the aggregate stores and the outbox relay that their saves wake and that
 * sweeps their collections.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableKafka
@EnableConfigurationProperties({MessagingProperties.class, KafkaProperties.class})
public class MessagingAutoConfiguration {

    /**
     * How long a paused consumer's poll waits before it looks again whether its listener's work completed, if nothing
     * woke it: a record's acknowledgement wakes its consumer, and so does a batch listener when its batch completed
     * ({@link InboundListeners}).
     */
    static final Duration PAUSED_POLL = Duration.ofMillis(50);

    @Bean
    CloudEventCodec cloudEventCodec(JsonMapper json) {
        return new CloudEventCodec(json);
    }

    @Bean
    OutboxMessages outboxMessages(CloudEventCodec codec) {
        return new OutboxMessages(codec);
    }

    @Bean
    ProducerFactory<String, byte[]> kafkaProducerFactory(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // the relay sends a document's events back to back and awaits them together: no reason to
        // hold a batch open (Kafka's default is 5 ms), which would be most of an event's latency
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, byte[]> kafkaTemplate(ProducerFactory<String, byte[]> producers) {
        return new KafkaTemplate<>(producers);
    }

    @Bean
    ConsumerFactory<String, byte[]> kafkaConsumerFactory(KafkaProperties kafka,
                                                         @Value("${spring.application.name:investflow}") String application) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, application);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Listeners return Mono: spring-kafka then acks asynchronously and pauses the consumer until
        // every record of the last poll is acknowledged. One record per poll therefore keeps the
        // records of a partition (all events of a case) strictly in order, one at a time.
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        return new DefaultKafkaConsumerFactory<>(config);
    }

    @Bean
    DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaTemplate<String, byte[]> template) {
        return DeadLetters.recoverer(template);
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(DeadLetterPublishingRecoverer recoverer, MessagingProperties properties) {
        return DeadLetters.errorHandler(recoverer, properties);
    }

    @Bean
    InboundEvents inboundEvents(CloudEventCodec codec, DeadLetterPublishingRecoverer recoverer, MessagingProperties properties,
                                MeterRegistry meters) {
        return new InboundEvents(codec, recoverer, properties, meters);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
            ConsumerFactory<String, byte[]> consumers, DefaultErrorHandler errorHandler) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setCommonErrorHandler(errorHandler);
        // a listener that reads one record per poll committed each offset synchronously, waiting a broker round trip
        // per record: a backlog of 2,600 intake events held negotiation's next accept for up to 28 s in the benchmark.
        // Asynchronous commits are still issued only after the record's work completed, and in order; one lost to a
        // crash redelivers records the inboxes absorb (at least once, as before)
        factory.getContainerProperties().setSyncCommits(false);
        // while a listener's Mono runs, its consumer is paused and polls with this timeout. A record listener's ack wakes
        // the consumer, a batch listener's does not (spring-kafka 4.0 wakes it for batches only in MANUAL_IMMEDIATE), so
        // the read model's next batch waited out the default 100 ms: records published during a batch reached the
        // projector p99 134 ms after publication in the benchmark, against a batch's 28 ms of work. Batch listeners now
        // wake their consumer themselves; the timeout is the fallback. (Polling every 2 ms instead, as before, cost the
        // read model's consumer thread 1.0 ms of CPU per submission in the intake benchmark, 0.35 ms since.)
        factory.getContainerProperties().setPollTimeoutWhilePaused(PAUSED_POLL);
        return factory;
    }

    @Bean
    KafkaAdmin.NewTopics investflowTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(properties.topics().stream()
                .map(name -> new NewTopic(name, properties.partitions(), properties.replicas()))
                .toArray(NewTopic[]::new));
    }

    @Bean
    OutboxSignals outboxSignals() {
        return new OutboxSignals();
    }

    @Bean
    AggregateStores aggregateStores(ReactiveMongoTemplate mongo, OutboxMessages outbox, OutboxSignals signals) {
        return new AggregateStores(mongo, outbox, signals);
    }

    @Bean
    InboundListeners inboundListeners(ObjectProvider<Inbound> groups, ObjectProvider<BatchInbound> batchGroups,
                                      InboundEvents inbound, ConcurrentKafkaListenerContainerFactory<String, byte[]> containers,
                                      MessagingProperties properties) {
        InboundListeners listeners = new InboundListeners(groups.orderedStream().toList(), batchGroups.orderedStream().toList(),
                inbound, containers);
        listeners.verifyDeclared(properties.consumes());
        return listeners;
    }

    @Bean
    OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, CloudEventCodec codec,
                            AggregateStores stores, OutboxSignals signals, MessagingProperties properties,
                            MeterRegistry meters) {
        return new OutboxRelay(mongo, kafka, codec, stores, signals, properties, meters);
    }

    /** The service's own lease when it has one; the sweep's lease lives in the same {@code scheduler_locks} either way. */
    @Bean
    PeriodicTask outboxRelaySchedule(OutboxRelay relay, ObjectProvider<SchedulerLease> leases, ReactiveMongoTemplate mongo,
                                     ObjectProvider<Clock> clock) {
        return relay.schedule(leases.getIfAvailable(() -> new SchedulerLease(mongo, clock.getIfAvailable(Clock::systemUTC))));
    }
}
