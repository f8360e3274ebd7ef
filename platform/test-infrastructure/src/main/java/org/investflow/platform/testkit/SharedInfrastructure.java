package org.investflow.platform.testkit;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft, in-process) and one MongoDB-wire-compatible server per test JVM,
 * started on first use on free ports and shared by every Spring context and test of that JVM.
 * With {@code -Dinvestflow.test.infrastructure=containers} and a Docker engine, the same tests run
 * against real {@code apache/kafka} and {@code mongo} containers instead.
 */
public final class SharedInfrastructure {

    private static final boolean CONTAINERS = ContainerInfrastructure.requestedAndAvailable();

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;
    private static String mongoAddress;
    private static KafkaProducer<String, byte[]> producer;

    private SharedInfrastructure() {
    }

    /** The broker's bootstrap servers, starting it if needed. */
    public static synchronized String bootstrapServers() {
        if (CONTAINERS) {
            return ContainerInfrastructure.bootstrapServers();
        }
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 3);
            kafka.brokerProperty("auto.create.topics.enable", "true");
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
        }
        return kafka.getBrokersAsString();
    }

    /** A connection string to {@code database} on the shared MongoDB-wire server. */
    public static String mongoUri(String database) {
        return "mongodb://" + mongoAddress() + "/" + database;
    }

    /** {@code host:port} of the shared MongoDB-wire server, starting it if needed. */
    public static synchronized String mongoAddress() {
        if (CONTAINERS) {
            return ContainerInfrastructure.mongoAddress();
        }
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            InetSocketAddress address = mongo.bind();
            mongoAddress = address.getHostString() + ":" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
        }
        return mongoAddress;
    }

    /** Sends a record to the shared broker and waits for its acknowledgement. */
    public static void send(ProducerRecord<String, byte[]> record) {
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}
