package org.investflow.platform.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.investflow.platform.domain.OutboxMessage;
import org.investflow.platform.messaging.CloudEventCodec;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.json.JsonMapper;

/** Real containers where a Docker engine exists; skipped cleanly where none does (as here). */
@Testcontainers(disabledWithoutDocker = true)
class ContainerInfrastructureTest {

    @Test
    void aCloudEventTravelsThroughARealKafkaContainerAndAMongoContainerStoresDocuments() {
        String bootstrap = ContainerInfrastructure.bootstrapServers();
        OutboxMessage message = new OutboxMessage("id-1", "containers.check", "org.investflow.test.checked.v1",
                "/investflow/test", "CQ-2026-000001", Instant.parse("2026-01-01T00:00:00Z"), "{\"caseId\":\"CQ-2026-000001\"}", "tester", "SYSTEM");
        try (TopicProbe probe = TopicProbe.on(bootstrap, "containers.check")) {
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new CloudEventCodec(JsonMapper.builder().build()).toRecord(message));
            }
            assertThat(new String(probe.await("CQ-2026-000001", "org.investflow.test.checked.v1").value(), StandardCharsets.UTF_8))
                    .contains("CQ-2026-000001");
        }
        try (MongoClient client = MongoClients.create("mongodb://" + ContainerInfrastructure.mongoAddress())) {
            client.getDatabase("check").getCollection("things").insertOne(new Document("_id", "a"));
            assertThat(client.getDatabase("check").getCollection("things").countDocuments()).isEqualTo(1);
        }
    }
}
