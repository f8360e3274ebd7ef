package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.investflow.negotiation.negotiation.persistence.NegotiationRepository;
import org.investflow.platform.testkit.ServiceIntegrationTest;
import org.investflow.platform.testkit.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Only a valid bearer token of the configured issuer, for InvestFlow's API, gets past the edge; every
 * other request is refused with 401 problem+json before it can read or change a negotiation. The
 * probes and metrics stay open.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"spring.config.name=negotiation", "investflow.web.investor-requests=100000",
        "management.health.mongodb.enabled=false"})
class TokenRefusalTest {

    static final String INVESTOR = "investor-token";
    static final String OFFICER = "officer-token";

    @LocalServerPort
    int port;

    @Autowired
    NegotiationRepository negotiations;

    CaseDesk desk;

    @BeforeEach
    void connect() {
        desk = new CaseDesk(port, negotiations);
    }

    /** Authorization header values a resource server must refuse; null means no header at all. */
    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                refused("no token", () -> null),
                refused("an expired token", () -> TestIssuer.expired(OFFICER, "OFFICER")),
                refused("a token from another issuer", () -> TestIssuer.fromAnotherIssuer(OFFICER, "OFFICER")),
                refused("a token for another audience", () -> TestIssuer.forAudience(OFFICER, "OFFICER", "other-api")),
                refused("a tampered token (INVESTOR forged to OFFICER)", () -> TestIssuer.tampered(OFFICER, "INVESTOR", "OFFICER")),
                refused("a bearer value that is not a JWT", () -> "not-a-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void everyProtectedEndpointRefusesTheRequestWith401AndNothingChanges(String what, Supplier<String> token) {
        String caseId = desk.proposed(INVESTOR, OFFICER);
        Long before = desk.stored(caseId).version();

        refusal(desk.http().get().uri("/api/negotiations/{caseId}", caseId), token.get());
        refusal(desk.http().get().uri("/api/audit/cases/{caseId}", caseId), token.get());
        refusal(desk.http().post().uri("/api/negotiations/{caseId}/proposals", caseId).bodyValue(Cases.terms()), token.get());
        refusal(desk.http().post().uri("/api/negotiations/{caseId}/proposals/1/acceptance", caseId), token.get());

        assertThat(desk.stored(caseId).version()).isEqualTo(before);
        assertThat(desk.stored(caseId).termSheets()).hasSize(1);
        assertThat(desk.stored(caseId).status()).isEqualTo(NegotiationStatus.OPEN);
    }

    @Test
    void theSameRequestsWithAValidTokenAreServed() {
        String caseId = desk.proposed(INVESTOR, OFFICER);
        desk.http().get().uri("/api/negotiations/{caseId}", caseId).headers(CaseDesk.bearer(INVESTOR, "INVESTOR"))
                .exchange().expectStatus().isOk();
        desk.http().get().uri("/api/audit/cases/{caseId}", caseId).headers(CaseDesk.bearer(OFFICER, "OFFICER"))
                .exchange().expectStatus().isOk();
        desk.accept(caseId, 1, INVESTOR).expectStatus().isOk();
    }

    @Test
    void aValidTokenWithoutAnInvestFlowRoleIsForbidden() {
        String caseId = desk.opened(INVESTOR, OFFICER);
        desk.http().get().uri("/api/negotiations/{caseId}", caseId).headers(CaseDesk.bearer(INVESTOR, "GUEST"))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus"})
    void probesAndMetricsAnswerWithoutAToken(String path) {
        desk.http().get().uri(path).exchange().expectStatus().isOk();
    }

    private static void refusal(WebTestClient.RequestHeadersSpec<?> request, String token) {
        if (token != null) {
            request.headers(headers -> headers.setBearerAuth(token));
        }
        request.exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches("WWW-Authenticate", "Bearer.*")
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    private static Arguments refused(String what, Supplier<String> token) {
        return Arguments.of(what, token);
    }
}
