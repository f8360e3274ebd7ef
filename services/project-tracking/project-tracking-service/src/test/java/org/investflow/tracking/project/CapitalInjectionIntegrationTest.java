package org.investflow.tracking.project;

import org.investflow.platform.testkit.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.tracking.TrackingFixtures.as;
import static org.investflow.tracking.TrackingFixtures.freshCaseId;
import static org.investflow.tracking.TrackingFixtures.publish;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.investflow.platform.testkit.TopicProbe;
import org.investflow.signing.events.SigningEvents;
import org.investflow.tracking.TrackingServiceTest;
import org.investflow.tracking.events.TrackingEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** Capital injections over HTTP, on projects started from e-signature's golden ContractExecuted (EUR 120,000,000, officer-li). */
@TrackingServiceTest
class CapitalInjectionIntegrationTest {

    static final String OFFICER = "officer-li";

    @LocalServerPort
    int port;

    WebTestClient http;
    TopicProbe tracking;

    @BeforeEach
    void connect() {
        http = LocalClient.to(port);
        tracking = TopicProbe.of(TrackingEvents.TOPIC);
    }

    @AfterEach
    void disconnect() {
        tracking.close();
    }

    String startProject() {
        String caseId = freshCaseId();
        publish(SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED, caseId, "investor-capital");
        tracking.await(caseId, TrackingEvents.PROJECT_STARTED);
        return caseId;
    }

    ResponseSpec inject(String caseId, String json) {
        return as(http, OFFICER, "OFFICER", HttpMethod.POST, "/api/projects/" + caseId + "/capital-injections")
                .bodyValue(json).exchange();
    }

    static String body(String amount, String currency, LocalDate day) {
        return "{\"amount\":" + amount + ",\"currency\":\"" + currency + "\",\"injectedOn\":\"" + day + "\"}";
    }

    static LocalDate lastWeek() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(7);
    }

    @Test
    void injectionsAccumulateAreShownInTheProjectAndPublishCapitalInjected() {
        String caseId = startProject();
        inject(caseId, body("70000000.00", "EUR", lastWeek())).expectStatus().isCreated()
                .expectBody().jsonPath("$.capital.realised").isEqualTo(70000000.00).jsonPath("$.flags").isEmpty();
        inject(caseId, body("50000000.01", "EUR", lastWeek())).expectStatus().isCreated()
                .expectBody().jsonPath("$.capital.realised").isEqualTo(120000000.01)
                .jsonPath("$.capital.currency").isEqualTo("EUR")
                .jsonPath("$.capital.injections.length()").isEqualTo(2)
                .jsonPath("$.flags[0]").isEqualTo("CAPITAL_EXCEEDED");

        as(http, "investor-capital", "INVESTOR", HttpMethod.GET, "/api/projects/" + caseId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.capital.realised").isEqualTo(120000000.01)
                .jsonPath("$.status").isEqualTo("IN_PROGRESS").jsonPath("$.milestones").isEmpty();
        tracking.await(record -> caseId.equals(record.key()) && new String(record.value(), StandardCharsets.UTF_8)
                .contains("\"capitalExceeded\":true"));
        assertThat(tracking.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type"))
                .containsExactly(TrackingEvents.PROJECT_STARTED, TrackingEvents.CAPITAL_INJECTED, TrackingEvents.CAPITAL_INJECTED);
    }

    @Test
    void theFirstInjectionCompletesTheLandingRuleAndTheMilestoneApiStillWorks() {
        String caseId = startProject();
        as(http, OFFICER, "OFFICER", HttpMethod.POST, "/api/projects/" + caseId + "/milestones")
                .bodyValue(Map.of("milestone", "BUSINESS_REGISTERED", "achievedOn", lastWeek().toString()))
                .exchange().expectStatus().isOk();
        as(http, OFFICER, "OFFICER", HttpMethod.POST, "/api/projects/" + caseId + "/milestones")
                .bodyValue(Map.of("milestone", "CONSTRUCTION_STARTED", "achievedOn", lastWeek().toString()))
                .exchange().expectStatus().isOk();

        // the golden contract schedules 40,000,000 EUR first: that tranche in full completes the rule
        inject(caseId, body("39999999.99", "EUR", lastWeek())).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("IN_PROGRESS");
        inject(caseId, body("0.01", "EUR", lastWeek())).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("LANDED");

        ConsumerRecord<String, byte[]> landed = tracking.await(caseId, TrackingEvents.PROJECT_LANDED);
        assertThat(landed).isNotNull();
        as(http, OFFICER, "OFFICER", HttpMethod.POST, "/api/projects/" + caseId + "/milestones")
                .bodyValue(Map.of("milestone", "OPERATION_STARTED", "achievedOn", lastWeek().toString()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("OPERATING");
    }

    @Test
    void anotherCurrencyIsRefusedNamingItAndNothingIsStored() {
        String caseId = startProject();
        inject(caseId, body("1000.00", "USD", lastWeek())).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == 'currency')]").exists()
                .consumeWith(result -> assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
                        .contains("USD"));
        as(http, OFFICER, "OFFICER", HttpMethod.GET, "/api/projects/" + caseId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.capital.injections").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"amount\":\"1000.00\",\"currency\":\"EUR\",\"injectedOn\":\"2026-01-05\"}",
            "{\"amount\":0,\"currency\":\"EUR\",\"injectedOn\":\"2026-01-05\"}",
            "{\"amount\":-5,\"currency\":\"EUR\",\"injectedOn\":\"2026-01-05\"}",
            "{\"amount\":1.001,\"currency\":\"EUR\",\"injectedOn\":\"2026-01-05\"}",
            "{\"amount\":1000,\"currency\":\"eur\",\"injectedOn\":\"2026-01-05\"}",
            "{\"amount\":1000,\"injectedOn\":\"2026-01-05\"}",
            "{\"amount\":1000,\"currency\":\"EUR\"}",
            "{\"amount\":1000,\"currency\":\"EUR\",\"injectedOn\":\"2999-01-05\"}",
            "{\"amount\":1000,\"currency\":\"EUR\",\"injectedOn\":[2026,1,5]}",
            "{\"amount\":1000,\"currency\":\"EUR\",\"injectedOn\":\"05.01.2026\"}",
            "{\"amount\":1000,\"currency\":\"EUR\",\"injectedOn\":\"2026-01-05\",\"bonus\":1}",
            "{\"amount\":1000,\"currency\":\"EUR\",\"injectedOn\":\"2026-01-05\"} {}",
            "{\"amount\":1000,\"currency\":\"EUR\",\"injectedOn\":\"2026-01-05\",\"supersedes\":\"E1\"}",
            "{\"amount\":1000,\"currency\":\"EUR\",\"injectedOn\":\"2026-01-05\",\"reason\":\"no entry named\"}",
            "{\"amount\":1000,\"currency\":\"EUR\",\"injectedOn\":\"2026-01-05\",\"supersedes\":\"E1\",\"reason\":\"no such entry\"}",
            "{\"amount\":1000,\"currency\":\"EUR\",\"injectedOn\":\"2026-01-05\",\"supersedes\":\"first\",\"reason\":\"bad id\"}",
            "not json"})
    void badBodiesAreRefusedWithAProblemAndNothingIsStored(String json) {
        String caseId = startProject();
        inject(caseId, json).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(http, OFFICER, "OFFICER", HttpMethod.GET, "/api/projects/" + caseId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.capital.injections").isEmpty()
                .jsonPath("$.capital.realised").isEqualTo(0);
    }
}
