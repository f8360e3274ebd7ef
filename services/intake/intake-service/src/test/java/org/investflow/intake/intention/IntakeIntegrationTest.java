package org.investflow.intake.intention;

import org.investflow.platform.testkit.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.intake.intention.persistence.IntentionRepository;
import org.investflow.intake.IntakeTest;
import org.investflow.platform.testkit.TestIssuer;
import org.investflow.platform.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.RequestBodySpec;

@IntakeTest
class IntakeIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    IntentionRepository intentions;

    WebTestClient http;
    TopicProbe topic;
    Intentions api;

    @BeforeEach
    void connect() {
        http = LocalClient.to(port);
        api = new Intentions(port);
        topic = TopicProbe.of(IntakeEvents.TOPIC);
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    static Map<String, Object> form() {
        return Intentions.form();
    }

    RequestBodySpec as(String user, String role, String method, String path) {
        return http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBearerAuth(TestIssuer.token(user, role))).contentType(MediaType.APPLICATION_JSON);
    }

    String submit(String investor, String key) {
        return as(investor, "INVESTOR", "POST", "/api/intentions").header("Idempotency-Key", key).bodyValue(form())
                .exchange().expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/intentions/CQ-\\d{4}-\\d{6}")
                .expectBody(Map.class).returnResult().getResponseBody().get("caseId").toString();
    }

    @Test
    void aSubmittedIntentionIsPublishedAsACloudEventKeyedByItsCase() {
        String caseId = submit("investor-a", "key-" + UUID.randomUUID());

        ConsumerRecord<String, byte[]> record = topic.await(caseId, IntakeEvents.INTENTION_SUBMITTED);
        assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(caseId);
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/investflow/intake");
        assertThat(new String(record.value())).contains("\"investorId\":\"investor-a\"").contains("重庆");
    }

    @Test
    void theSameIdempotencyKeyCreatesOneCaseAndOneEvent() {
        String key = "key-" + UUID.randomUUID();
        String first = submit("investor-b", key);
        String second = submit("investor-b", key);
        assertThat(second).isEqualTo(first);

        as(api.officerOf(first), "OFFICER", "POST", "/api/intentions/" + first + "/acceptance").exchange().expectStatus().isOk();
        assertThat(new String(topic.await(first, IntakeEvents.INTENTION_ACCEPTED).value()))
                .as("the company's registration, for the contract's parties").contains("\"registrationNumber\":\"HRB ", "\"country\":\"DE\"");
        assertThat(topic.seenFor(first)).extracting(record -> TopicProbe.header(record, "ce_type"))
                .containsExactly(IntakeEvents.INTENTION_SUBMITTED, IntakeEvents.INTENTION_SCREENED,
                        IntakeEvents.INTENTION_ACCEPTED);
    }

    @Test
    void aRepeatOfAnAcceptedSubmissionIsAnsweredWithItEvenIfItsDetailsWouldBeRefusedNow() {
        String key = "key-" + UUID.randomUUID();
        String first = submit("investor-repeat", key);
        Map<String, Object> unknownDistrict = new java.util.HashMap<>(form());
        unknownDistrict.put("district", "Atlantis");

        String repeated = as("investor-repeat", "INVESTOR", "POST", "/api/intentions").header("Idempotency-Key", key)
                .bodyValue(unknownDistrict).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("caseId").toString();
        as("investor-repeat", "INVESTOR", "POST", "/api/intentions").header("Idempotency-Key", "key-" + UUID.randomUUID())
                .bodyValue(unknownDistrict).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'district')]").exists();

        assertThat(repeated).isEqualTo(first);
    }

    @Test
    void anIncompleteIntentionIsRefusedFieldByFieldAndNothingIsStored() {
        Map<String, Object> bad = new java.util.HashMap<>(form());
        bad.put("country", "Germany");
        bad.put("plannedAmount", new BigDecimal("-5"));
        bad.remove("companyName");
        as("investor-invalid", "INVESTOR", "POST", "/api/intentions").header("Idempotency-Key", "key-invalid-1")
                .bodyValue(bad).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'country')]").exists()
                .jsonPath("$.errors[?(@.field == 'plannedAmount')]").exists()
                .jsonPath("$.errors[?(@.field == 'companyName')]").exists()
                .jsonPath("$.errors[?(@.field == 'companyName')].code").isEqualTo(java.util.List.of("NotBlank"));
        assertThat(intentions.findByInvestorIdAndIdempotencyKey("investor-invalid", "key-invalid-1").blockOptional()).isEmpty();
    }

    @Test
    void aSubmissionWithoutIdempotencyKeyIsABadRequest() {
        as("investor-c", "INVESTOR", "POST", "/api/intentions").bodyValue(form()).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void acceptingTwiceIsAConflictNamingTheCurrentState() {
        String caseId = submit("investor-d", "key-" + UUID.randomUUID());
        as(api.officerOf(caseId), "OFFICER", "POST", "/api/intentions/" + caseId + "/acceptance").exchange().expectStatus().isOk();
        as(api.officerOf(caseId), "OFFICER", "POST", "/api/intentions/" + caseId + "/acceptance").exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentState").isEqualTo("ACCEPTED");
    }

    @Test
    void anotherInvestorsCaseAnswersLikeOneThatDoesNotExist() {
        String caseId = submit("investor-e", "key-" + UUID.randomUUID());
        as("investor-f", "INVESTOR", "GET", "/api/intentions/" + caseId).exchange().expectStatus().isNotFound();
        as("investor-f", "INVESTOR", "GET", "/api/intentions/CQ-2026-999999").exchange().expectStatus().isNotFound();
        as("investor-e", "INVESTOR", "GET", "/api/intentions/" + caseId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("IN_REVIEW");
    }

    @Test
    void onlyOfficersDecideAndOnlyKnownCallersAreServed() {
        String caseId = submit("investor-g", "key-" + UUID.randomUUID());
        as("investor-g", "INVESTOR", "POST", "/api/intentions/" + caseId + "/acceptance").exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/intentions/" + caseId).exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as("officer-1", "OFFICER", "POST", "/api/intentions/CQ-2026-999998/acceptance").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void healthAndPrometheusAnswerWithoutAToken() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("investflow_outbox_published"));
    }
}
