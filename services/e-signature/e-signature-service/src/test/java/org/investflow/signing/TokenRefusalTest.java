package org.investflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.signing.SigningDriver.AUDIT;
import static org.investflow.signing.SigningDriver.AUDIT_TRAIL;
import static org.investflow.signing.SigningDriver.CERTIFICATE;
import static org.investflow.signing.SigningDriver.VIEWS;
import static org.investflow.signing.SigningDriver.ENVELOPE;
import static org.investflow.signing.SigningDriver.VOIDS;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.investflow.platform.testkit.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Only valid bearer tokens of the configured issuer, for this API, with their claims as signed, get
 * past the edge: everything else is a 401 problem+json asking for a bearer token, on every endpoint
 * (the tokens belong to the case's own investor, so with a valid token the same request is served).
 * Probes and metrics stay open for the cluster.
 */
@SigningServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRefusalTest {

    static final String INVESTOR = "investor-tokens";

    /** A bad way to present the case's investor. */
    enum BadToken {
        NONE(user -> null),
        EXPIRED(user -> TestIssuer.expired(user, "INVESTOR")),
        FROM_ANOTHER_ISSUER(user -> TestIssuer.fromAnotherIssuer(user, "INVESTOR")),
        FOR_ANOTHER_AUDIENCE(user -> TestIssuer.forAudience(user, "INVESTOR", "other-api")),
        TAMPERED_TO_OFFICER(user -> TestIssuer.tampered(user, "INVESTOR", "OFFICER"));

        final UnaryOperator<String> mint;

        BadToken(UnaryOperator<String> mint) {
            this.mint = mint;
        }
    }

    @LocalServerPort
    int port;

    SigningDriver driver;
    String caseId;

    @BeforeAll
    void aSentCase() {
        driver = new SigningDriver(port);
        caseId = driver.sentCase(INVESTOR, "officer-li");
    }

    @AfterAll
    void disconnect() {
        driver.close();
    }

    static Stream<Arguments> everyEndpointWithEveryBadToken() {
        return Stream.of(ENVELOPE, VOIDS, AUDIT, VIEWS, AUDIT_TRAIL, CERTIFICATE).flatMap(path -> Stream.of(BadToken.values())
                .map(token -> Arguments.of(path.equals(VOIDS) || path.equals(VIEWS) ? HttpMethod.POST : HttpMethod.GET, path, token)));
    }

    @ParameterizedTest(name = "{0} {1} with {2} token -> 401")
    @MethodSource("everyEndpointWithEveryBadToken")
    void aBadTokenIsRefusedWith401ProblemJsonAndABearerChallenge(HttpMethod method, String path, BadToken token) {
        String bearer = token.mint.apply(INVESTOR);
        WebTestClient.RequestBodySpec request = driver.http.method(method).uri(path, caseId).headers(h -> {
            if (bearer != null) {
                h.setBearerAuth(bearer);
            }
        });
        (method == HttpMethod.POST ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Voided with a bad token")) : request)
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("WWW-Authenticate", challenge -> assertThat(challenge).startsWith("Bearer"));
        theEnvelopeIsStillUnsigned();
    }

    private void theEnvelopeIsStillUnsigned() {
        driver.as(INVESTOR, "INVESTOR", HttpMethod.GET, ENVELOPE, caseId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SENT")
                .jsonPath("$.signers[0].signed").isEqualTo(false);
    }

    @Test
    void theSameInvestorWithAValidTokenIsServed() {
        driver.as(INVESTOR, "INVESTOR", HttpMethod.GET, ENVELOPE, caseId).exchange().expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info", "/actuator/prometheus"})
    void probesAndMetricsAnswerWithoutAToken(String path) {
        driver.http.get().uri(path).exchange().expectStatus().isOk();
    }

    /**
     * The overall health answers without a token too. Its status is not asserted: the in-JVM
     * MongoDB-wire server does not answer Boot's {@code hello}, and the testkit switches the
     * indicator off under its Boot 3 name ({@code mongo}, now {@code mongodb}), so it reads DOWN here.
     */
    @Test
    void theOverallHealthAnswersWithoutAToken() {
        driver.http.get().uri("/actuator/health").exchange()
                .expectStatus().value(status -> assertThat(status).isIn(200, 503))
                .expectBody().jsonPath("$.status").exists();
    }
}
