package org.investflow.intake.intention;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.investflow.intake.IntakeTest;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.intake.intention.persistence.IntentionRepository;
import org.investflow.platform.testkit.LocalClient;
import org.investflow.platform.testkit.TestIssuer;
import org.investflow.platform.testkit.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
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
        api.as("investor-token", "INVESTOR", HttpMethod.GET, path).exchange().expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired", "another issuer", "another audience", "tampered", "not a JWT"})
    void aBadTokenIsRefusedWith401(String flaw) {
        String path = "/api/intentions/" + api.submit("investor-token");
        String bad = switch (flaw) {
            case "expired" -> TestIssuer.expired("investor-token", "INVESTOR");
            case "another issuer" -> TestIssuer.fromAnotherIssuer("investor-token", "INVESTOR");
            case "another audience" -> TestIssuer.forAudience("investor-token", "INVESTOR", "another-api");
            case "tampered" -> TestIssuer.tampered("investor-token", "INVESTOR", "OFFICER");
            default -> "not-a-jwt";
        };
        api.http().get().uri(path).headers(h -> h.setBearerAuth(bad)).exchange().expectStatus().isUnauthorized();
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
        Map<String, Object> dateAsArray = withField("expectedStart", java.util.List.of(2027, 1, 1));
        submitBadly(investor, withField("description", "x".repeat(70_000))).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        submitBadly(investor, moneyAsText).expectBody().jsonPath("$.errors[0].field").isEqualTo("plannedAmount")
                .jsonPath("$.errors[0].code").isEqualTo("typeMismatch");
        submitBadly(investor, unknownField).expectBody().jsonPath("$.errors[0].field").isEqualTo("discountCode")
                .jsonPath("$.errors[0].code").isEqualTo("unknownField");
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

    /**
     * A body over the limit is refused while part of it may still be on its way (the decoder stops reading at the limit):
     * the server must close that connection after its 413, or it waits for the rest of the declared body and would read
     * a client's next request on the connection as that rest. Here the client declares more body than it sends.
     */
    @Test
    void anOversizedBodyIsRefusedWith413AndItsConnectionClosed() throws IOException {
        byte[] body = ("{\"description\":\"" + "x".repeat(70_000)).getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/intentions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + TestIssuer.token("investor-oversized", "INVESTOR") + "\r\n"
                + "Idempotency-Key: key-" + UUID.randomUUID() + "\r\nContent-Length: " + (body.length + 100_000) + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) LocalClient.RESPONSE_TIMEOUT.toMillis());
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            // readAllBytes returns at the end of the stream, i.e. once the server closed the connection
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413").containsIgnoringCase("connection: close")
                    .contains("application/problem+json").contains("the request body is too large");
        }
    }

    /**
     * Requests a client sends on a keep-alive connection before the previous one is answered are all answered: a lookup
     * that goes to the database, with a preflight that is refused at once behind it in the same write, then one more
     * preflight. Reactor Netty 1.3.6's server stopped reading such a connection once the queued request completed at once
     * (reactor-netty #4347, #4361): the third request was never answered, as a CORS preflight of this class once was.
     */
    @Test
    void requestsQueuedOnAKeepAliveConnectionAreAllAnswered() throws IOException {
        String lookup = "GET /api/intentions/CQ-2026-999991 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestIssuer.token("investor-queued", "INVESTOR") + "\r\n\r\n";
        String refused = "OPTIONS /api/intentions HTTP/1.1\r\nHost: localhost\r\nOrigin: https://evil.example\r\n"
                + "Access-Control-Request-Method: POST\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) LocalClient.RESPONSE_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write((lookup + refused).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 404 Not Found");
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 403 Forbidden");
            out.write(refused.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 403 Forbidden");
        }
    }

    /** The status line of the next response on {@code in}, whose headers and body (by its Content-Length) it reads. */
    private static String statusLine(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the connection closed after " + head);
            }
            head.append((char) next);
        }
        int length = head.toString().lines().filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring("content-length:".length()).trim())).findFirst().orElse(0);
        in.readNBytes(length);
        return head.substring(0, head.indexOf("\r\n"));
    }

    static Stream<Object> malformedSubmissions() {
        return Stream.of("{\"companyName\":", "[1,2,3]", "{} {}", withField("plannedAmount", "120000000.00"),
                withField("discountCode", "FREE"), withField("plannedJobs", "many"), withField("country", null),
                withField("companyName", "A".repeat(201)), withField("expectedStart", java.util.List.of(2027, 1, 1)));
    }

    @ParameterizedTest
    @MethodSource("malformedSubmissions")
    void aMalformedSubmissionIsRefusedAndNothingIsStored(Object body) {
        String investor = "investor-fuzz-" + UUID.randomUUID();
        submitBadly(investor, body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(intentions.findAll().filter(i -> i.investorId().equals(investor)).count().block()).isZero();
    }

    static Stream<Object> malformedRejections() {
        return Stream.of("{\"reason\":", Map.of("reasonCode", "OTHER", "reason", ""),
                Map.of("reasonCode", "OTHER", "reason", "r", "extra", 1), Map.of("reasonCode", "OTHER", "reason", 42),
                Map.of("reasonCode", "BECAUSE", "reason", "r"), Map.of("reason", "no code"));
    }

    @ParameterizedTest
    @MethodSource("malformedRejections")
    void aMalformedRejectionChangesNothing(Object body) {
        String caseId = api.submit("investor-reject-fuzz");
        String path = "/api/intentions/" + caseId + "/rejection";
        String officer = api.officerOf(caseId);
        api.as(officer, "OFFICER", HttpMethod.POST, path).bodyValue(body).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.as(officer, "OFFICER", HttpMethod.GET, "/api/intentions/" + caseId).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("IN_REVIEW");
    }

    @Test
    void aMalformedUpdateChangesNothing() {
        String caseId = api.submit("investor-many-fuzz");
        api.as("investor-many-fuzz", "INVESTOR", HttpMethod.PUT, "/api/intentions/" + caseId)
                .bodyValue(withField("plannedAmount", "lots")).exchange().expectStatus().isBadRequest();
        expectUnchanged(caseId, api.officerOf(caseId));
    }

    static Stream<Arguments> malformedDecisions() {
        return Stream.of(Arguments.of("/information-request", "{"), Arguments.of("/information-request", Map.of("message", "")),
                Arguments.of("/information-request", Map.of("message", 1)), Arguments.of("/information-request", Map.of("msg", "x")),
                Arguments.of("/assignment", "[]"), Arguments.of("/assignment", Map.of("officerId", "")),
                Arguments.of("/assignment", Map.of("officerId", "x".repeat(101))),
                Arguments.of("/withdrawal", "{}"), Arguments.of("/withdrawal", Map.of("reason", 5)),
                Arguments.of("/withdrawal", Map.of("reason", "y".repeat(2001))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformedDecisions")
    void aMalformedInformationRequestReassignmentOrWithdrawalChangesNothing(String path, Object body) {
        String caseId = api.submit("investor-many-fuzz");
        String officer = api.officerOf(caseId);
        String[] caller = switch (path) {
            case "/information-request" -> new String[] {officer, "OFFICER"};
            case "/assignment" -> new String[] {"leader-chen", "LEADER"};
            default -> new String[] {"investor-many-fuzz", "INVESTOR"};
        };
        api.as(caller[0], caller[1], HttpMethod.POST, "/api/intentions/" + caseId + path)
                .bodyValue(body).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        expectUnchanged(caseId, officer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=101", "order=sideways", "olderThanDays=-1", "status=LOST", "flag=SHINY",
        "industryCode=29"})
    void aMalformedQueueQueryIsRefused(String query) {
        api.as("officer-li", "OFFICER", HttpMethod.GET, "/api/intentions?" + query).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void expectUnchanged(String caseId, String officer) {
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
