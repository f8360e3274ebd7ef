package org.investflow.platform.messaging.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.investflow.platform.messaging.MessagingTestApplication;
import org.investflow.platform.testkit.TestIssuer;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness follows the broker and the database: DOWN while either is gone, UP again when it is back,
 * without a restart; liveness stays UP throughout. This context has its own broker and MongoDB-wire
 * server (the shared ones serve every other test of the JVM): the database is stopped and started
 * again on its port, the broker cut off behind a {@link TcpGate} and reconnected.
 */
@SpringBootTest(classes = ReadinessUnderOutagesTest.App.class, properties = {"spring.application.name=readiness-check",
        "management.endpoint.health.probes.enabled=true",
        "management.health.mongo.enabled=false", "management.health.mongodb.enabled=false"})
class ReadinessUnderOutagesTest {

    private static final int KAFKA_PORT = freePort();
    private static final int MONGO_PORT = freePort();
    private static final EmbeddedKafkaKraftBroker KAFKA = startKafka();
    private static final TcpGate KAFKA_GATE = new TcpGate(KAFKA_PORT, brokerPort());

    static {
        KAFKA_GATE.open();
    }
    private static MongoServer mongo = startMongo();

    @Autowired
    HealthEndpoint health;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + KAFKA_PORT);
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_PORT + "/readiness_check");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer::uri);
    }

    @AfterAll
    static void stop() {
        KAFKA_GATE.close();
        KAFKA.destroy();
        mongo.shutdownNow();
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsGoneAndUpWhenItIsBack() {
        awaitReadiness(Status.UP);

        mongo.shutdownNow();
        awaitReadiness(Status.DOWN);
        assertThat(status("liveness")).isEqualTo(Status.UP);

        mongo = startMongo();
        awaitReadiness(Status.UP);
        assertThat(status("liveness")).isEqualTo(Status.UP);
    }

    @Test
    void readinessIsDownWhileTheBrokerIsUnreachableAndUpWhenItIsBack() {
        awaitReadiness(Status.UP);

        KAFKA_GATE.shut();
        awaitReadiness(Status.DOWN);
        assertThat(status("liveness")).isEqualTo(Status.UP);

        KAFKA_GATE.open();
        awaitReadiness(Status.UP);
        assertThat(status("liveness")).isEqualTo(Status.UP);
    }

    private void awaitReadiness(Status expected) {
        within().untilAsserted(() -> assertThat(status("readiness")).isEqualTo(expected));
    }

    private static ConditionFactory within() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250));
    }

    private Status status(String group) {
        return health.healthForPath(group).getStatus();
    }

    private static EmbeddedKafkaKraftBroker startKafka() {
        // the KRaft test broker binds a port of its own choosing (kafkaPorts() is ignored); clients reach it
        // only through the gate, because that is the address it advertises
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("advertised.listeners", "EXTERNAL://127.0.0.1:" + KAFKA_PORT);
        broker.afterPropertiesSet();
        return broker;
    }

    private static int brokerPort() {
        String address = KAFKA.getBrokersAsString();
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        return port;
    }

    private static MongoServer startMongo() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", MONGO_PORT));
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @MessagingTestApplication
    static class App {
    }
}
