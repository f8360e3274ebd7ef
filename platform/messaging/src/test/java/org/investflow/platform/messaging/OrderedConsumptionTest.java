package org.investflow.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.investflow.platform.testkit.InfrastructureInitializer;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.ContextConfiguration;
import reactor.core.publisher.Mono;

/**
 * The platform's consumers keep the records of a partition (all events of one case) in order even
 * though listeners return {@code Mono}: a slow first event is finished before the next one starts.
 */
@SpringBootTest(classes = OrderedConsumptionTest.App.class,
        properties = {"spring.application.name=ordering-check", "investflow.messaging.topics=ordering.check"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class OrderedConsumptionTest {

    @Autowired
    Recorder recorder;

    @Test
    void eventsOfOneCaseAreHandledOneAfterTheOtherInTheirOrder() {
        for (String value : List.of("slow-first", "second", "third")) {
            SharedInfrastructure.send(new ProducerRecord<>("ordering.check", "CQ-2026-000777",
                    value.getBytes(StandardCharsets.UTF_8)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> recorder.handled.size() == 3);
        assertThat(recorder.handled).containsExactly("slow-first", "second", "third");
    }

    @MessagingTestApplication
    static class App {

        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }

    static class Recorder {

        final List<String> handled = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = "ordering.check", groupId = "ordering-check")
        Mono<Void> on(ConsumerRecord<String, byte[]> record) {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            Duration work = value.startsWith("slow") ? Duration.ofMillis(500) : Duration.ZERO;
            return Mono.delay(work).doOnNext(tick -> handled.add(value)).then();
        }
    }
}
