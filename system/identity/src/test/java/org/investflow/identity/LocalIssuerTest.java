package org.investflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The issuer as the services see it: discovery at the configured issuer, tokens obtained through the
 * real login form and verified against the published keys. The issuer is configured, not derived from
 * requests, so the test picks the port first and tells the server both its port and its issuer.
 */
@SpringBootTest(classes = LocalIssuerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestPropertySource(properties = "spring.config.name=" + LocalIssuerApplication.CONFIG_NAME)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalIssuerTest {

    private static final int PORT = freePort();
    private static final URI ISSUER = URI.create("http://127.0.0.1:" + PORT);
    private static final String PORTAL_REDIRECT_URI = "http://127.0.0.1:8085/login/oauth2/code/investflow";

    private JwtDecoder servicesDecoder;

    @DynamicPropertySource
    static void issuerOnAFreePort(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("investflow.identity.issuer", ISSUER::toString);
    }

    /** Built the way a resource server builds it from the issuer URI alone: discovery, then the JWKS (server already up). */
    @BeforeAll
    void decoderFromDiscovery() throws Exception {
        awaitDiscovery();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(ISSUER.toString()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(ISSUER.toString()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains("investflow-api"))));
        servicesDecoder = decoder;
    }

    /**
     * The first request to a just-started server can take longer than the decoder's own read timeout on
     * a loaded 2-core machine; wait until discovery answers at all, so the decoder then measures the issuer,
     * not the JIT.
     */
    private static void awaitDiscovery() throws Exception {
        HttpRequest discovery = HttpRequest.newBuilder(ISSUER.resolve("/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(60)).build();
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(discovery, HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @Test
    void anInvestorLogsInAndGetsATokenTheServicesAccept() {
        Jwt token = servicesDecoder.decode(DemoLogin.accessToken(ISSUER, "investor-de-1"));

        assertThat(token.getHeaders()).containsEntry("alg", "RS256");
        assertThat(token.getIssuer()).hasToString(ISSUER.toString());
        assertThat(token.getSubject()).isEqualTo("investor-de-1");
        assertThat(token.getClaimAsString("preferred_username")).isEqualTo("investor-de-1");
        assertThat(token.getAudience()).contains("investflow-api", DemoLogin.CLI_CLIENT_ID);
        assertThat(token.getClaimAsStringList("roles")).containsExactly("INVESTOR");
        assertThat(token.getClaimAsString("country")).isEqualTo("DE");
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
        assertThat(token.getExpiresAt()).isCloseTo(Instant.now().plus(Duration.ofMinutes(15)), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void anOfficerGetsTheOfficerRoleAndNoCountry() {
        Jwt token = servicesDecoder.decode(DemoLogin.accessToken(ISSUER, "officer-li"));

        assertThat(token.getSubject()).isEqualTo("officer-li");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("OFFICER");
        assertThat(token.hasClaim("country")).isFalse();
        assertThat(token.getAudience()).contains("investflow-api");
    }

    @Test
    void thePortalClientLogsInWithItsSecretThroughItsOwnRedirectUri() {
        Jwt token = servicesDecoder.decode(DemoLogin.accessToken(ISSUER, "investflow-portal", "portal-local-secret",
                PORTAL_REDIRECT_URI, "leader-chen", DemoLogin.DEMO_PASSWORD));

        assertThat(token.getClaimAsStringList("roles")).containsExactly("LEADER");
        assertThat(token.getAudience()).contains("investflow-api", "investflow-portal");
    }

    @Test
    void thePortalClientRedirectsToItsLoopbackRedirectUriOnAnyPort() {
        String elsewhere = PORTAL_REDIRECT_URI.replace(":8085/", ":" + freePort() + "/");

        Jwt token = servicesDecoder.decode(DemoLogin.accessToken(ISSUER, "investflow-portal", "portal-local-secret",
                elsewhere, "investor-de-1", DemoLogin.DEMO_PASSWORD));

        assertThat(token.getSubject()).isEqualTo("investor-de-1");
    }

    @Test
    void thePortalIsAConfidentialClientWhoseCodeIsWorthlessWithoutItsSecret() {
        assertThatThrownBy(() -> DemoLogin.accessToken(ISSUER, "investflow-portal", PORTAL_REDIRECT_URI, "leader-chen",
                DemoLogin.DEMO_PASSWORD))
                .isInstanceOf(DemoLoginException.class)
                .hasMessageContaining("/oauth2/token")
                .hasMessageContaining("401");
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> DemoLogin.accessToken(ISSUER, DemoLogin.CLI_CLIENT_ID, DemoLogin.CLI_REDIRECT_URI, "investor-de-1", "wrong"))
                .isInstanceOf(DemoLoginException.class)
                .hasMessageContaining("investor-de-1")
                .hasMessageContaining("refused");
    }

    @Test
    void anUnknownClientIsRefused() {
        assertThatThrownBy(() -> DemoLogin.accessToken(ISSUER, "no-such-client", DemoLogin.CLI_REDIRECT_URI, "investor-de-1", DemoLogin.DEMO_PASSWORD))
                .isInstanceOf(DemoLoginException.class)
                .hasMessageContaining("/oauth2/authorize")
                .hasMessageContaining("400");
    }

    @Test
    void aRedirectUriTheClientDidNotRegisterIsRefused() {
        assertThatThrownBy(() -> DemoLogin.accessToken(ISSUER, DemoLogin.CLI_CLIENT_ID, "http://evil.example/callback", "investor-de-1", DemoLogin.DEMO_PASSWORD))
                .isInstanceOf(DemoLoginException.class)
                .hasMessageContaining("400");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
