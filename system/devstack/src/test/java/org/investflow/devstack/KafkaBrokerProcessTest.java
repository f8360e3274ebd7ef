package org.investflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class KafkaBrokerProcessTest {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerProcessTest.class);
    private static final Path CLASSPATH_FILE = Path.of(
            System.getProperty("kafka.classpath.file", "../kafka-broker/target/kafka-classpath.txt"));
    private static final String TOPIC = "devstack.smoke";
    private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void recordsSurviveARestartOnTheSameDataDirectory() throws Exception {
        int[] ports = freePorts();
        try (KafkaBrokerProcess broker = timedStart(ports)) {
            createTopic(broker);
            produce(broker, "deal-42", "signed");
            assertThat(consumeUntilFound(broker, "first-reader", "deal-42")).isEqualTo("signed");
        }
        String clusterId = clusterId();
        try (KafkaBrokerProcess broker = timedStart(ports)) {
            assertThat(consumeUntilFound(broker, "second-reader", "deal-42")).isEqualTo("signed");
        }
        assertThat(clusterId()).as("storage is formatted only once").isEqualTo(clusterId);
    }

    @Test
    void refusesATakenPortWithAClearMessage() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> KafkaBrokerProcess.start(dataDir, taken.getLocalPort(), freePorts()[1], CLASSPATH_FILE))
                    .isInstanceOf(KafkaBrokerStartException.class)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void explainsAMissingClasspathFile() {
        int[] ports = freePorts();
        assertThatThrownBy(() -> KafkaBrokerProcess.start(dataDir, ports[0], ports[1], dataDir.resolve("missing.txt")))
                .isInstanceOf(KafkaBrokerStartException.class)
                .hasMessageContaining("build system/kafka-broker first");
    }

    private KafkaBrokerProcess timedStart(int[] ports) {
        long started = System.nanoTime();
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(dataDir, ports[0], ports[1], CLASSPATH_FILE);
        LOG.info("Kafka broker pid {} ready on {} after {} ms", broker.pid(), broker.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return broker;
    }

    private static void createTopic(KafkaBrokerProcess broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(KafkaBrokerProcess broker, String key, String value) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static String consumeUntilFound(KafkaBrokerProcess broker, String groupId, String key) {
        Map<String, String> seen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(broker, groupId),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(CONSUME_TIMEOUT).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.put(record.key(), record.value());
                }
                return seen.containsKey(key);
            });
        }
        return seen.get(key);
    }

    private static Properties consumerConfig(KafkaBrokerProcess broker, String groupId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    private String clusterId() throws IOException {
        Properties meta = new Properties();
        try (var reader = Files.newBufferedReader(dataDir.resolve("logs/meta.properties"))) {
            meta.load(reader);
        }
        return meta.getProperty("cluster.id");
    }

    private static int[] freePorts() {
        try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket second = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
