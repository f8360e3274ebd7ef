package org.investflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.platform.testkit.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.investflow.platform.testkit.LocalClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The backend-for-frontend's own guarantees, on a real port with sessions in the MongoDB-wire server:
 * the login starts the authorization-code flow with PKCE as the portal's client, the browser gets only
 * an HttpOnly SameSite session cookie and a readable CSRF cookie, state-changing calls without the CSRF
 * token are refused before they reach a service, routes rewrite to the service's own paths and keep the
 * browser's cookies back, and every page carries a strict content security policy.
 */
@SpringBootTest(classes = PortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.config.name=" + PortalApplication.CONFIG_NAME, "investflow.portal.secure-cookies=true"})
class PortalSecurityTest {

    private static HttpServer intake;
    private static final BlockingQueue<Map<String, Object>> RELAYED = new LinkedBlockingQueue<>();

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        registry.add("investflow.portal.issuer", TestIssuer::uri);
        registry.add("spring.mongodb.uri", () -> SharedInfrastructure.mongoUri("investflow_portal"));
        registry.add("investflow.portal.services.intake", () -> "http://127.0.0.1:" + intake.getAddress().getPort());
        registry.add("investflow.portal.services.signing", () -> "http://127.0.0.1:" + intake.getAddress().getPort());
        registry.add("management.health.mongo.enabled", () -> "false");
    }

    /** Stands in for intake (and e-signature): records what the portal forwarded. */
    @BeforeAll
    static void startIntake() {
        try {
            intake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        intake.createContext("/", exchange -> {
            RELAYED.add(Map.of("path", exchange.getRequestURI().getPath(), "headers", Map.copyOf(exchange.getRequestHeaders())));
            byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        intake.start();
    }

    @AfterAll
    static void stopIntake() {
        intake.stop(0);
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(LocalClient.RESPONSE_TIMEOUT).build();
    }

    @Test
    void signingInStartsTheAuthorizationCodeFlowWithPkceAsThePortalsClient() {
        EntityExchangeResult<byte[]> result = http().get().uri("/oauth2/authorization/investflow").exchange()
                .expectStatus().isFound().expectBody().returnResult();

        URI location = result.getResponseHeaders().getLocation();
        assertThat(location.toString()).startsWith(TestIssuer.uri() + "/authorize?");
        Map<String, List<String>> query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(query.get("response_type")).containsExactly("code");
        assertThat(query.get("client_id")).containsExactly("investflow-portal");
        assertThat(query.get("code_challenge_method")).containsExactly("S256");
        assertThat(query.get("code_challenge")).singleElement().asString().hasSize(43);
        assertThat(query.get("redirect_uri")).singleElement().asString()
                .isEqualTo("http://127.0.0.1:" + port + "/login/oauth2/code/investflow");
    }

    @Test
    void theBrowserHoldsOnlyAnHttpOnlySameSiteSessionCookieKeptInMongoDb() {
        EntityExchangeResult<byte[]> result = http().get().uri("/oauth2/authorization/investflow").exchange()
                .expectStatus().isFound().expectBody().returnResult();

        ResponseCookie session = result.getResponseCookies().getFirst("INVESTFLOW_SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.getMaxAge().isNegative()).as("a session cookie, gone with the browser").isTrue();
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(session.getValue())), "sessions").block()).isEqualTo(1L);
    }

    @Test
    void anonymousVisitorsAreToldTheyAreNotSignedInAndGetAReadableCsrfCookie() {
        EntityExchangeResult<String> result = http().get().uri("/api/session").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();

        assertThat(result.getResponseBody()).contains("\"authenticated\":false").doesNotContain("token");
        ResponseCookie csrf = result.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(csrf).isNotNull();
        assertThat(csrf.isHttpOnly()).isFalse();
        assertThat(csrf.getSameSite()).isEqualTo("Lax");
    }

    @Test
    void aStateChangingCallWithoutTheCsrfTokenNeverReachesAService() {
        RELAYED.clear();
        http().post().uri("/api/intake/intentions").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isForbidden();

        assertThat(RELAYED).isEmpty();
    }

    @Test
    void aCallWithTheCsrfTokenReachesTheServiceUnderItsOwnPathWithoutTheBrowsersCookiesOrOrigin() throws InterruptedException {
        RELAYED.clear();
        ResponseCookie csrf = http().get().uri("/api/session").exchange().expectBody().returnResult()
                .getResponseCookies().getFirst("XSRF-TOKEN");

        http().post().uri("/api/intake/intentions").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .cookie("XSRF-TOKEN", csrf.getValue()).header("X-XSRF-TOKEN", csrf.getValue())
                .header("Origin", "http://127.0.0.1:" + port)
                .exchange().expectStatus().isOk();

        Map<String, Object> relayed = RELAYED.poll(10, TimeUnit.SECONDS);
        assertThat(relayed).isNotNull();
        assertThat(relayed.get("path")).isEqualTo("/api/intentions");
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) relayed.get("headers");
        assertThat(headers.keySet()).map(String::toLowerCase).doesNotContain("cookie", "x-xsrf-token", "origin", "authorization");
    }

    @Test
    void aSignersCallGoesToESignaturesOpenEndpointUnderItsOwnPathWithTheClientsAddressAndNoToken() throws InterruptedException {
        RELAYED.clear();
        ResponseCookie csrf = http().get().uri(SigningPage.PATH).exchange().expectBody().returnResult()
                .getResponseCookies().getFirst("XSRF-TOKEN");

        http().post().uri("/api/signing/signing-links/codes").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"token\":\"t\"}")
                .cookie("XSRF-TOKEN", csrf.getValue()).header("X-XSRF-TOKEN", csrf.getValue())
                .exchange().expectStatus().isOk();

        Map<String, Object> relayed = RELAYED.poll(10, TimeUnit.SECONDS);
        assertThat(relayed).isNotNull();
        assertThat(relayed.get("path")).isEqualTo("/api/signing-links/codes");
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) relayed.get("headers");
        assertThat(headers.keySet()).map(String::toLowerCase).doesNotContain("cookie", "x-xsrf-token", "authorization")
                .as("e-signature limits signers per client address: the portal says whose call it forwards").contains("x-forwarded-for");
    }

    @Test
    void theSigningPageFromTheMailedLinkIsTheAppUnderTheStrictPolicy() {
        HttpHeaders headers = http().get().uri(SigningPage.PATH).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(body -> assertThat(body).contains("<div id=\"root\"></div>"))
                .returnResult().getResponseHeaders();

        assertThat(headers.getFirst("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
    }

    @Test
    void logoutNeedsTheCsrfTokenAndEndsTheSessionInMongoDb() {
        EntityExchangeResult<byte[]> started = http().get().uri("/oauth2/authorization/investflow").exchange()
                .expectBody().returnResult();
        String session = started.getResponseCookies().getFirst("INVESTFLOW_SESSION").getValue();
        ResponseCookie csrf = http().get().uri("/api/session").cookie("INVESTFLOW_SESSION", session).exchange()
                .expectBody().returnResult().getResponseCookies().getFirst("XSRF-TOKEN");

        http().post().uri("/logout").cookie("INVESTFLOW_SESSION", session).exchange().expectStatus().isForbidden();
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(session)), "sessions").block()).isEqualTo(1L);

        http().post().uri("/logout").cookie("INVESTFLOW_SESSION", session).cookie("XSRF-TOKEN", csrf.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("_csrf=" + csrf.getValue())
                .exchange().expectStatus().isFound().expectHeader().location("/");
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(session)), "sessions").block()).isZero();
    }

    @Test
    void everyPageCarriesAStrictContentSecurityPolicy() {
        HttpHeaders headers = http().get().uri("/api/session").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseHeaders();

        assertThat(headers.getFirst("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
                        "form-action 'self' " + TestIssuer.uri())
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void healthAndMetricsAnswerLikeTheOtherServices() {
        http().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }
}
