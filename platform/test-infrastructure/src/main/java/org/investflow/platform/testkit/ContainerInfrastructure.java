package org.investflow.platform.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same infrastructure as real containers ({@code apache/kafka}, {@code mongo}) through
 * Testcontainers, for machines with a Docker engine: run the suite with
 * {@code -Dinvestflow.test.infrastructure=containers} (Maven profile {@code containers}).
 */
final class ContainerInfrastructure {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String MONGO_IMAGE = "mongo:8.0";

    private static KafkaContainer kafka;
    private static MongoDBContainer mongo;

    private ContainerInfrastructure() {
    }

    /** Whether the suite asked for containers and a Docker engine is there to run them. */
    static boolean requestedAndAvailable() {
        return "containers".equals(System.getProperty("investflow.test.infrastructure"))
                && DockerClientFactory.instance().isDockerAvailable();
    }

    static synchronized String bootstrapServers() {
        if (kafka == null) {
            kafka = new KafkaContainer(KAFKA_IMAGE);
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }

    static synchronized String mongoAddress() {
        if (mongo == null) {
            mongo = new MongoDBContainer(MONGO_IMAGE);
            mongo.start();
        }
        return mongo.getHost() + ":" + mongo.getFirstMappedPort();
    }
}
