package org.investflow.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.messaging.IncomingEvent;
import org.investflow.platform.testkit.GoldenEvents;
import org.investflow.platform.testkit.TestIssuer;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.signing.events.SigningEvents;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.RequestBodySpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What project tracking's integration tests share: fresh cases, golden events, HTTP as a role, consumer catch-up. */
public final class TrackingFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger NEXT_CASE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 800_000));

    private TrackingFixtures() {
    }

    /** A case id no other test uses (prefix PT so it cannot collide with intake's CQ numbers). */
    public static String freshCaseId() {
        return String.format("PT-2026-%06d", NEXT_CASE.incrementAndGet());
    }

    /** Publishes a producer's golden example of {@code type} for {@code caseId} and {@code investorId}. */
    public static void publish(EventCatalog catalog, String type, String caseId, String investorId) {
        SharedInfrastructure.send(GoldenEvents.record(catalog, type, Map.of("caseId", caseId, "investorId", investorId)));
    }

    /**
     * Publishes e-signature's golden ContractExecuted for {@code caseId}, owned by {@code investorId} and
     * assigned to {@code officerId}, and waits until both the project and the pipeline case exist, so
     * no event of the case is still in flight when the caller goes on.
     */
    public static void executeContract(WebTestClient http, String caseId, String investorId, String officerId) {
        SharedInfrastructure.send(GoldenEvents.record(SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED,
                Map.of("caseId", caseId, "investorId", investorId, "officerId", officerId)));
        awaitFound(http, "/api/projects/" + caseId);
        awaitFound(http, "/api/pipeline/cases/" + caseId);
    }

    private static void awaitFound(WebTestClient http, String path) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> as(http, "admin-probe", "ADMIN", HttpMethod.GET, path).exchange()
                        .returnResult(String.class).getStatus().value() == 200);
    }

    /**
     * A producer's golden example of {@code type} with {@code overrides} (caseId, occurredAt…), as the record a
     * listener hands to its service, under a fresh event id: for feeding read models without the broker.
     */
    public static IncomingEvent golden(EventCatalog catalog, String type, Map<String, Object> overrides) {
        ObjectNode body = (ObjectNode) JSON.readTree(GoldenEvents.example(catalog, type));
        overrides.forEach((field, value) -> body.set(field, JSON.valueToTree(value)));
        Record data = (Record) JSON.treeToValue(body, catalog.forType(type).orElseThrow().recordClass());
        return new IncomingEvent(UUID.randomUUID().toString(), type, body.path("caseId").asString(),
                Instant.parse(body.path("occurredAt").asString()), data);
    }

    /** A request to the service on {@code port} as {@code user} acting as {@code role}. */
    public static RequestBodySpec as(WebTestClient http, String user, String role, HttpMethod method, String path) {
        return http.method(method).uri(path).headers(h -> h.setBearerAuth(TestIssuer.token(user, role)))
                .contentType(MediaType.APPLICATION_JSON);
    }

    /** Waits until consumer group {@code group} has committed every record currently on {@code topic}. */
    public static void awaitCaughtUp(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.bootstrapServers()))) {
            Map<TopicPartition, Long> ends = endOffsets(admin, topic);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> caughtUp(admin, group, ends));
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        Set<TopicPartition> partitions = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions()
                .stream().map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static boolean caughtUp(Admin admin, String group, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue());
    }
}
