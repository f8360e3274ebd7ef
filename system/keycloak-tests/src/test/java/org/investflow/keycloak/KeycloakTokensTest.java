package org.investflow.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.investflow.devstack.MailServer;
import org.investflow.devstack.Service;
import org.investflow.devstack.ServiceFleet;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/keycloak's realm export meets a real Keycloak (26.4, compose's version) and the four services meet
 * its tokens. Keycloak imports the realm and the development users as compose does; each demo user logs in
 * through the command-line client's authorization-code flow (the portal's confidential client too); the four
 * services run in this JVM, configured with nothing but the realm's issuer URI (and their own audience
 * setting), as in production. Each service's own JWT decoder accepts every user's token with the subject the
 * services take as the user id, the user's role and country, and refuses the token of a client for another
 * audience, which each service's API answers with 401; the role decides what the API allows, and intake knows
 * an investor by the token's subject.
 */
class KeycloakTokensTest {

    static final String PASSWORD = "demo";
    static final String AUDIENCE = "investflow-api";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DECODE_TIMEOUT = Duration.ofSeconds(20);
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    static KeycloakServer keycloak;
    static KeycloakAdmin admin;
    static MailServer mail;
    static ServiceFleet fleet;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startKeycloakAndTheServices() {
        keycloak = KeycloakServer.shared();
        admin = KeycloakAdmin.of(keycloak);
        admin.createOtherAudienceClient(realmFile());
        mail = MailServer.start(0, 0);
        Map<String, Object> settings = new HashMap<>(Map.of("spring.main.banner-mode", "off",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuer().toString()));
        settings.putAll(mail.senderSettings());
        fleet = ServiceFleet.start(SharedInfrastructure.bootstrapServers(), SharedInfrastructure.mongoAddress(), port -> 0, settings);
    }

    @AfterAll
    static void stopTheServices() {
        if (fleet != null) {
            fleet.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    /** The development users (deploy/keycloak/dev): user, realm role, country attribute (investors only). */
    static Stream<Arguments> users() {
        return Stream.of(
                Arguments.of("investor-de-1", "INVESTOR", "DE"),
                Arguments.of("investor-us-1", "INVESTOR", "US"),
                Arguments.of("officer-li", "OFFICER", null),
                Arguments.of("officer-wang", "OFFICER", null),
                Arguments.of("leader-chen", "LEADER", null),
                Arguments.of("admin-zhao", "ADMIN", null));
    }

    static Stream<Arguments> servicesAndUsers() {
        return Stream.of(Service.values()).flatMap(service -> users().map(user ->
                Arguments.of(service, user.get()[0], user.get()[1], user.get()[2])));
    }

    @ParameterizedTest(name = "{0} accepts {1} as {2}")
    @MethodSource("servicesAndUsers")
    void eachServiceAcceptsEveryUsersTokenWithSubjectRoleAndCountry(Service service, String user, String role, String country) {
        Jwt jwt = decoder(service).decode(token(user)).block(DECODE_TIMEOUT);

        assertThat(jwt.getIssuer().toString()).isEqualTo(keycloak.issuer().toString());
        assertThat(jwt.getAudience()).contains(AUDIENCE);
        assertThat(jwt.getSubject()).as("the user id every service records").isEqualTo(user);
        assertThat(jwt.getClaimAsStringList("roles")).as("roles, top level").containsExactly(role);
        assertThat(jwt.getClaimAsString("country")).isEqualTo(country);
        assertThat(jwt.getClaimAsString("azp")).isEqualTo(KeycloakLogin.CLI);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void eachServiceLetsStaffReadAuditTrailsAndRefusesInvestors(Service service) {
        String unknownCase = "/api/audit/cases/CQ-2026-" + UUID.randomUUID();

        assertThat(status(service, unknownCase, null)).as("no token").isEqualTo(401);
        users().forEach(user -> {
            String name = (String) user.get()[0];
            int expected = "INVESTOR".equals(user.get()[1]) ? 403 : 404;
            assertThat(status(service, unknownCase, token(name))).as("%s at %s", name, service).isEqualTo(expected);
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void eachServiceRefusesATokenForAnotherAudience(Service service) {
        String token = admin.otherAudienceToken("officer-li", PASSWORD);
        JsonNode claims = unverifiedClaims(token);
        assertThat(claims.path("iss").asString()).as("same issuer").isEqualTo(keycloak.issuer().toString());
        assertThat(claims.path("sub").asString()).isEqualTo("officer-li");
        assertThat(claims.path("roles").valueStream().map(JsonNode::asString)).as("same role").containsExactly("OFFICER");
        assertThat(claims.path("aud").toString()).contains(KeycloakAdmin.OTHER_AUDIENCE).doesNotContain(AUDIENCE);

        assertThatThrownBy(() -> decoder(service).decode(token).block(DECODE_TIMEOUT))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("aud");
        assertThat(status(service, "/api/audit/cases/CQ-2026-" + UUID.randomUUID(), token)).isEqualTo(401);
    }

    @Test
    void intakeKnowsAnInvestorByTheTokensSubject() {
        HttpResponse<String> submitted = send(request(Service.INTAKE, "/api/intentions", token("investor-de-1"))
                .header("Idempotency-Key", "keycloak-" + UUID.randomUUID())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(intention()))));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        JsonNode intention = JSON.readTree(submitted.body());
        String caseId = intention.path("caseId").asString();
        assertThat(intention.path("investorId").asString()).isEqualTo("investor-de-1");

        assertThat(status(Service.INTAKE, "/api/intentions/" + caseId, token("investor-de-1"))).isEqualTo(200);
        assertThat(status(Service.INTAKE, "/api/intentions/" + caseId, token("investor-us-1"))).as("another investor's case").isEqualTo(404);
        HttpResponse<String> audit = send(request(Service.INTAKE, "/api/audit/cases/" + caseId, token("leader-chen")).GET());
        assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
        assertThat(JSON.readTree(audit.body()).get(0).path("actorId").asString()).isEqualTo("investor-de-1");
        assertThat(JSON.readTree(audit.body()).get(0).path("actorRole").asString()).isEqualTo("INVESTOR");
    }

    @Test
    void thePortalsConfidentialClientObtainsTokensTheServicesAccept() {
        String token = KeycloakLogin.portal(keycloak.issuer(), keycloak.portalClientSecret(), "investor-us-1", PASSWORD);

        Jwt jwt = decoder(Service.INTAKE).decode(token).block(DECODE_TIMEOUT);
        assertThat(jwt.getClaimAsString("azp")).isEqualTo(KeycloakLogin.PORTAL);
        assertThat(jwt.getSubject()).isEqualTo("investor-us-1");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("INVESTOR");
        assertThat(jwt.getClaimAsString("country")).isEqualTo("US");
        assertThat(status(Service.INTAKE, "/api/intentions", token)).isEqualTo(200);
    }

    @Test
    void theLoginRefusesAWrongPassword() {
        assertThatThrownBy(() -> KeycloakLogin.cli(keycloak.issuer(), "admin-zhao", "not-the-password"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered 200 instead of 302");
    }

    private static Map<String, Object> intention() {
        Map<String, Object> form = new HashMap<>(Map.of("companyName", "Keycloak Test GmbH", "country", "DE",
                "registrationNumber", "HRB " + UUID.randomUUID().toString().substring(0, 8),
                "contactName", "Anna Schmidt", "contactEmail", "anna.schmidt@example.de", "contactPhone", "+4930123456",
                "industryCode", "C26", "investmentType", "GREENFIELD", "plannedAmount", new BigDecimal("25000000.00"),
                "currency", "EUR"));
        form.putAll(Map.of("plannedJobs", 80, "district", "Yubei District",
                "expectedStart", LocalDate.now(ZoneOffset.UTC).plusMonths(6).toString(), "description", "chip packaging"));
        return form;
    }

    private static String token(String user) {
        return TOKENS.computeIfAbsent(user, name -> KeycloakLogin.cli(keycloak.issuer(), name, PASSWORD));
    }

    /** A JWT's claims, read without checking anything: to show what the services are shown. */
    private static JsonNode unverifiedClaims(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static ReactiveJwtDecoder decoder(Service service) {
        return ServiceContexts.of(service.serviceName()).getBean(ReactiveJwtDecoder.class);
    }

    private static Path realmFile() {
        return Path.of(System.getProperty("keycloak.realm.dir"), "investflow-realm.json");
    }

    private static HttpRequest.Builder request(Service service, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fleet.baseUri(service) + path))
                .timeout(Duration.ofSeconds(20)).header("Accept", "application/json");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static int status(Service service, String path, String token) {
        return send(request(service, path, token).GET()).statusCode();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
