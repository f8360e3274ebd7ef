package org.investflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's broker authenticates and authorises as compose's does: each service logs in with its
 * own SCRAM user and may write only the topics its {@code <service>.yml} says it writes, read only what it
 * consumes, and use only consumer groups named after it. A service's credentials cannot write another
 * service's topic; a wrong password is not let in.
 */
class LocalBrokerAuthorizationTest {

    private static final Path CLASSPATH_FILE = Path.of(
            System.getProperty("kafka.classpath.file", "../kafka-broker/target/kafka-classpath.txt"));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    static KafkaBrokerProcess broker;

    @BeforeAll
    static void startTheBrokerWithTheServicesAccess() throws IOException {
        List<KafkaAccess> accesses = Stream.of(Service.values()).map(KafkaAccess::of).toList();
        broker = KafkaBrokerProcess.startWithAuthentication(dataDir, freePort(), freePort(), CLASSPATH_FILE,
                accesses.stream().map(KafkaAccess::principal).toList());
        broker.grant(accesses, 3);
    }

    @AfterAll
    static void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theAccessIsDerivedFromEachServicesOwnTopics() {
        KafkaAccess negotiation = KafkaAccess.of(Service.NEGOTIATION);

        assertThat(negotiation.writes()).containsExactlyInAnyOrder("negotiation.events", "negotiation.events.DLT",
                "intake.events.DLT", "signing.events.DLT");
        assertThat(negotiation.reads()).containsExactlyInAnyOrder("intake.events", "signing.events",
                "intake.events.DLT", "signing.events.DLT");
    }

    @Test
    void aServiceWritesItsOwnTopic() throws Exception {
        try (KafkaProducer<String, String> intake = producer("intake")) {
            assertThat(intake.send(new ProducerRecord<>("intake.events", "CQ-1", "{}")).get(30, TimeUnit.SECONDS).topic())
                    .isEqualTo("intake.events");
        }
    }

    @Test
    void aServiceCannotWriteAnotherServicesTopic() {
        try (KafkaProducer<String, String> intake = producer("intake")) {
            assertThatThrownBy(() -> intake.send(new ProducerRecord<>("negotiation.events", "CQ-1", "{\"forged\":true}"))
                    .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<String, String> projectTracking = producer("project-tracking")) {
            assertThatThrownBy(() -> projectTracking.send(new ProducerRecord<>("signing.events", "CQ-1", "{\"forged\":true}"))
                    .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceReadsWhatItConsumesInItsOwnGroupOnly() {
        try (KafkaConsumer<String, String> negotiation = consumer("negotiation", "negotiation")) {
            negotiation.subscribe(List.of("intake.events"));
            await().atMost(TIMEOUT).pollInSameThread().until(() -> {
                negotiation.poll(Duration.ofMillis(200));
                return !negotiation.assignment().isEmpty();
            });
        }
        try (KafkaConsumer<String, String> negotiation = consumer("negotiation", "e-signature")) {
            negotiation.subscribe(List.of("intake.events"));
            assertThatThrownBy(() -> pollFor(negotiation, TIMEOUT)).isInstanceOf(GroupAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> eSignature = consumer("e-signature", "e-signature")) {
            eSignature.subscribe(List.of("intake.events"));
            assertThatThrownBy(() -> pollFor(eSignature, TIMEOUT)).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    /** Polls for {@code duration}: returns only if the broker never refuses. */
    private static void pollFor(KafkaConsumer<String, String> consumer, Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() - deadline < 0) {
            consumer.poll(Duration.ofMillis(200));
        }
    }

    @Test
    void aWrongPasswordIsNotLetIn() {
        Map<String, Object> config = new HashMap<>(producerConfig("intake"));
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"intake\" password=\"guess\";");
        try (KafkaProducer<String, String> impostor = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> impostor.send(new ProducerRecord<>("intake.events", "CQ-1", "{}")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static Map<String, Object> producerConfig(String user) {
        Map<String, Object> config = new HashMap<>(broker.clientProperties(user));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        return config;
    }

    private static KafkaProducer<String, String> producer(String user) {
        return new KafkaProducer<>(producerConfig(user), new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String user, String group) {
        Map<String, Object> config = new HashMap<>(broker.clientProperties(user));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
