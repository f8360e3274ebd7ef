package org.investflow.platform.messaging.deadletters;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.investflow.platform.messaging.MessagingAutoConfiguration;
import org.investflow.platform.messaging.MessagingProperties;
import org.investflow.platform.scheduling.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;

/**
 * The dead letters of every topic a service consumes: the {@link DeadLetterQueue}, the gauge
 * {@code investflow.deadletters.waiting{topic}} (refreshed every 30 s) and, in a web service with
 * platform/web, the administrators' API.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
public class DeadLettersAutoConfiguration {

    private static final Duration GAUGE_REFRESH = Duration.ofSeconds(30);

    @Bean
    DeadLetterQueue deadLetterQueue(ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> kafka,
                                    KafkaAdmin admin, MessagingProperties properties,
                                    @Value("${spring.application.name:investflow}") String application) {
        return new DeadLetterQueue(consumers, kafka, admin.getConfigurationProperties(), properties.consumes(), application);
    }

    @Bean
    PeriodicTask deadLettersWaitingGauge(DeadLetterQueue queue, MeterRegistry meters) {
        Map<String, AtomicLong> waiting = new ConcurrentHashMap<>();
        queue.topics().forEach(topic -> Gauge.builder("investflow.deadletters.waiting",
                        waiting.computeIfAbsent(topic, name -> new AtomicLong()), AtomicLong::get)
                .tag("topic", topic).description("dead letters of the topic not yet replayed").register(meters));
        return new PeriodicTask("dead letters waiting", Duration.ZERO, GAUGE_REFRESH,
                () -> Flux.fromIterable(queue.topics())
                        .concatMap(topic -> queue.waiting(topic).doOnNext(count -> waiting.get(topic).set(count)))
                        .then(), PeriodicTask.DEFAULT_PHASE);
    }

    /** The administrators' API, where the service serves HTTP through platform/web. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.investflow.platform.web.Caller")
    @Import(DeadLetterController.class)
    static class Api {
    }
}
