package org.investflow.intake.intention;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.investflow.intake.IntakeTest;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.intake.intention.persistence.IntentionRepository;
import org.investflow.platform.testkit.TestIssuer;
import org.investflow.platform.testkit.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake's hardened edge: bad tokens are refused, malformed input is refused field by field and
 * changes nothing, names are NFC-normalised, security headers and CORS for the portal only.
 */
@IntakeTest
class IntakeEdgeTest {

    @LocalServerPort
    int port;
    @Autowired
    IntentionRepository intentions;

    Intentions api;

    @BeforeEach
    void connect() {
        api = new Intentions(port);
    }

    @Test
    void requestsWithoutAValidTokenAreRefusedWith401() {
        String caseId = api.submit("investor-token");
        String path = "/api/intentions/" + caseId;
        api.http().get().uri(path).exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer");
        for (String bad : new String[] {TestIssuer.expired("investor-token", "INVESTOR"),
                TestIssuer.fromAnotherIssuer("investor-token", "INVESTOR"),
                TestIssuer.forAudience("investor-token", "INVESTOR", "another-api"),
                TestIssuer.tampered("investor-token", "INVESTOR", "OFFICER"), "not-a-jwt"}) {
            api.http().get().uri(path).headers(h -> h.setBearerAuth(bad)).exchange().expectStatus().isUnauthorized();
        }
        api.as("investor-token", "INVESTOR", HttpMethod.GET, path).exchange().expectStatus().isOk();
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndItsBearerScheme() {
        api.http().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/intentions'].post").exists()
                .jsonPath("$.paths['/api/intentions/{caseId}/acceptance'].post").exists()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
    }

    @Test
    void malformedSubmissionsAreRefusedAndNothingIsStoredOrPublished() {
        String investor = "investor-fuzz-" + UUID.randomUUID();
        Map<String, Object> moneyAsText = withField("plannedAmount", "120000000.00");
        Map<String, Object> unknownField = withField("discountCode", "FREE");
        Map<String, Object> wrongType = withField("plannedJobs", "many");
        Map<String, Object> missing = withField("country", null);
        Map<String, Object> tooLong = withField("companyName", "A".repeat(201));
        Map<String, Object> dateAsArray = withField("expectedStart", java.util.List.of(2027, 1, 1));
        for (Object body : new Object[] {"{\"companyName\":", "[1,2,3]", "{} {}", moneyAsText, unknownField, wrongType,
                missing, tooLong, dateAsArray}) {
            submitBadly(investor, body).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        submitBadly(investor, withField("description", "x".repeat(70_000))).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        submitBadly(investor, moneyAsText).expectBody().jsonPath("$.errors[0].field").isEqualTo("plannedAmount");
        submitBadly(investor, unknownField).expectBody().jsonPath("$.errors[0].field").isEqualTo("discountCode");
        submitBadly(investor, dateAsArray).expectBody().jsonPath("$.errors[0].field").isEqualTo("expectedStart");

        assertThat(intentions.findAll().filter(i -> i.investorId().equals(investor)).count().block()).isZero();
        String caseId = api.submit(investor);
        try (TopicProbe topic = TopicProbe.of(IntakeEvents.TOPIC)) {
            topic.await(caseId, IntakeEvents.INTENTION_SUBMITTED);
            long published = topic.seenAll().stream()
                    .filter(r -> IntakeEvents.INTENTION_SUBMITTED.equals(TopicProbe.header(r, "ce_type")))
                    .filter(r -> new String(r.value()).contains(investor)).count();
            assertThat(published).isEqualTo(1);
        }
    }

    @Test
    void aMalformedRejectionChangesNothing() {
        String caseId = api.submit("investor-reject-fuzz");
        String path = "/api/intentions/" + caseId + "/rejection";
        String officer = api.officerOf(caseId);
        for (Object body : new Object[] {"{\"reason\":", Map.of("reasonCode", "OTHER", "reason", ""),
                Map.of("reasonCode", "OTHER", "reason", "r", "extra", 1), Map.of("reasonCode", "OTHER", "reason", 42),
                Map.of("reasonCode", "BECAUSE", "reason", "r"), Map.of("reason", "no code")}) {
            api.as(officer, "OFFICER", HttpMethod.POST, path).bodyValue(body).exchange()
                    .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        api.as(officer, "OFFICER", HttpMethod.GET, "/api/intentions/" + caseId).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("IN_REVIEW");
    }

    @Test
    void malformedDecisionsUpdatesWithdrawalsAndReassignmentsChangeNothing() {
        String caseId = api.submit("investor-many-fuzz");
        String officer = api.officerOf(caseId);
        Map<String, Object[]> bodies = Map.of(
                "/information-request", new Object[] {"{", Map.of("message", ""), Map.of("message", 1), Map.of("msg", "x")},
                "/assignment", new Object[] {"[]", Map.of("officerId", ""), Map.of("officerId", "x".repeat(101))},
                "/withdrawal", new Object[] {"{}", Map.of("reason", 5), Map.of("reason", "y".repeat(2001))});
        Map<String, String[]> callers = Map.of("/information-request", new String[] {officer, "OFFICER"},
                "/assignment", new String[] {"leader-chen", "LEADER"}, "/withdrawal", new String[] {"investor-many-fuzz", "INVESTOR"});
        bodies.forEach((path, bad) -> {
            for (Object body : bad) {
                api.as(callers.get(path)[0], callers.get(path)[1], HttpMethod.POST, "/api/intentions/" + caseId + path)
                        .bodyValue(body).exchange().expectStatus().isBadRequest()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            }
        });
        api.as("investor-many-fuzz", "INVESTOR", HttpMethod.PUT, "/api/intentions/" + caseId)
                .bodyValue(withField("plannedAmount", "lots")).exchange().expectStatus().isBadRequest();
        for (String query : new String[] {"limit=0", "limit=101", "order=sideways", "olderThanDays=-1", "status=LOST",
                "flag=SHINY", "industryCode=29"}) {
            api.as(officer, "OFFICER", HttpMethod.GET, "/api/intentions?" + query).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        api.as(officer, "OFFICER", HttpMethod.GET, "/api/intentions/" + caseId).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("IN_REVIEW")
                .jsonPath("$.assignedOfficerId").isEqualTo(officer)
                .jsonPath("$.informationRequest").doesNotExist();
    }

    @Test
    void namesAreStoredInUnicodeNormalisationFormC() {
        Map<String, Object> form = withField("companyName", "Mu\u0308ller Maschinenbau GmbH");
        String caseId = api.as("investor-nfc", "INVESTOR", HttpMethod.POST, "/api/intentions")
                .header("Idempotency-Key", "key-" + UUID.randomUUID()).bodyValue(form).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("caseId").toString();
        assertThat(intentions.findById(caseId).block().details().companyName()).isEqualTo("M\u00fcller Maschinenbau GmbH");
    }

    @Test
    void responsesCarrySecurityHeadersAndCorsAdmitsOnlyThePortal() {
        api.as("investor-h", "INVESTOR", HttpMethod.GET, "/api/intentions/CQ-2026-999990").exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .expectHeader().exists("X-Frame-Options");
        api.http().options().uri("/api/intentions").header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectStatus().isOk().expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:5173");
        api.http().options().uri("/api/intentions").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectStatus().isForbidden();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec submitBadly(String investor, Object body) {
        return api.as(investor, "INVESTOR", HttpMethod.POST, "/api/intentions")
                .header("Idempotency-Key", "key-" + UUID.randomUUID()).bodyValue(body).exchange();
    }

    private static Map<String, Object> withField(String field, Object value) {
        Map<String, Object> form = new HashMap<>(Intentions.form());
        if (value == null) {
            form.remove(field);
        } else {
            form.put(field, value);
        }
        return form;
    }
}
