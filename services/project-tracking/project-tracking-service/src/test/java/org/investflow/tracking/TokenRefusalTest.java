package org.investflow.tracking;

import org.investflow.platform.testkit.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.investflow.platform.testkit.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Only a valid bearer token of the configured issuer, for InvestFlow's audience, gets past the edge:
 * every protected endpoint refuses any other with 401 problem+json and a {@code WWW-Authenticate:
 * Bearer} challenge, before looking at the case (so the case id does not matter). Probes and metrics
 * stay open for the platform.
 */
@TrackingServiceTest
class TokenRefusalTest {

    static final String CASE = "PT-2026-000001";
    static final List<String> PROTECTED = List.of("GET /api/projects/" + CASE, "POST /api/projects/" + CASE + "/milestones",
            "GET /api/pipeline/funnel", "GET /api/pipeline/cases/" + CASE, "GET /api/audit/cases/" + CASE);

    @LocalServerPort
    int port;

    WebTestClient http;

    @BeforeEach
    void connect() {
        http = LocalClient.to(port);
    }

    /** Each bad token, minted when the row runs (so "expired" is expired relative to now). */
    static Stream<Named<Supplier<String>>> badTokens() {
        return Stream.of(
                Named.of("no token", () -> null),
                Named.of("an expired token", () -> TestIssuer.expired("admin-a", "ADMIN")),
                Named.of("a token from another issuer", () -> TestIssuer.fromAnotherIssuer("admin-a", "ADMIN")),
                Named.of("a token for another audience", () -> TestIssuer.forAudience("admin-a", "ADMIN", "other-api")),
                Named.of("a tampered token (INVESTOR forged to ADMIN)", () -> TestIssuer.tampered("investor-a", "INVESTOR", "ADMIN")),
                Named.of("a token that is no JWT", () -> "not-a-jwt"));
    }

    static Stream<Arguments> protectedEndpointsWithBadTokens() {
        return PROTECTED.stream().flatMap(endpoint -> badTokens().map(token -> Arguments.of(endpoint, token)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("protectedEndpointsWithBadTokens")
    void aProtectedEndpointRefusesARequestWithoutAValidTokenWith401Problem(String endpoint, Supplier<String> token) {
        String[] methodAndPath = endpoint.split(" ");
        String bearer = token.get();
        WebTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(methodAndPath[0])).uri(methodAndPath[1])
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (bearer != null) {
                        headers.setBearerAuth(bearer);
                    }
                });
        if (methodAndPath[0].equals("POST")) {
            request.bodyValue("{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"2026-01-02\"}");
        }
        request.exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge).startsWith("Bearer"))
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void theSameRequestWithAValidTokenIsServed() {
        http.get().uri("/api/pipeline/funnel").headers(headers -> headers.setBearerAuth(TestIssuer.token("admin-a", "ADMIN")))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aValidTokenWithoutAnInvestFlowRoleIsForbidden() {
        http.get().uri("/api/pipeline/funnel").headers(headers -> headers.setBearerAuth(TestIssuer.token("guest-a", "GUEST")))
                .exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus", "/actuator/info"})
    void probesAndMetricsAnswerWithoutAToken(String path) {
        http.get().uri(path).exchange().expectStatus().isOk();
    }

    /**
     * The overall health answers without a token too; its status is the backing services' (the
     * MongoDB-wire test server does not know the driver's {@code hello} command, so here it is 503).
     */
    @Test
    void overallHealthAnswersWithoutATokenAndWithoutAChallenge() {
        http.get().uri("/actuator/health").exchange()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.status").exists();
    }
}
