package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The Keycloak realm export issues the token contract the services rely on: {@code aud} contains
 * investflow-api, {@code roles} is a top-level array of the four InvestFlow role names, {@code country}
 * comes from the user attribute; both clients use PKCE, the CLI as a public client, the portal's
 * backend-for-frontend as a confidential one.
 */
class KeycloakRealmTest {

    static final String AUDIENCE = "investflow-api";
    static final List<String> ROLES = List.of("INVESTOR", "OFFICER", "LEADER", "ADMIN");
    static final List<String> CLIENTS = List.of("investflow-portal", "investflow-cli");
    static final String IMPORT_DIRECTORY = "/opt/keycloak/data/import/";

    private static KeycloakRealm realm;

    @BeforeAll
    static void load() {
        realm = KeycloakRealm.load();
    }

    @Test
    void realmIsNamedInvestflowAndDefinesTheFourRoles() {
        assertThat(realm.name()).isEqualTo("investflow");
        assertThat(realm.realmRoles()).containsExactlyInAnyOrderElementsOf(ROLES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"investflow-portal", "investflow-cli"})
    void clientsUseTheAuthorizationCodeFlowWithPkce(String clientId) {
        JsonNode client = realm.client(clientId);

        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("implicitFlowEnabled").asBoolean(false)).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean(false)).as("no password grant").isFalse();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
    }

    @Test
    void theCliIsAPublicClient() {
        assertThat(realm.client("investflow-cli").path("publicClient").asBoolean()).isTrue();
    }

    @Test
    void thePortalIsAConfidentialClientWhoseSecretComesFromTheEnvironment() {
        JsonNode portal = realm.client("investflow-portal");

        assertThat(portal.path("publicClient").asBoolean(true)).isFalse();
        assertThat(portal.path("clientAuthenticatorType").asString()).isEqualTo("client-secret");
        assertThat(portal.path("secret").asString()).as("a placeholder Keycloak fills at import, never a literal").isEqualTo("${PORTAL_CLIENT_SECRET}");
    }

    @Test
    void thePortalRedirectsToItsBackendForFrontendOnly() {
        JsonNode portal = realm.client("investflow-portal");

        assertThat(portal.path("redirectUris").valueStream().map(JsonNode::asString))
                .containsExactly("http://localhost:8085/login/oauth2/code/investflow");
        assertThat(portal.path("webOrigins").valueStream()).as("the browser never calls Keycloak from script").isEmpty();
        assertThat(portal.path("attributes").path("post.logout.redirect.uris").asString()).isEqualTo("http://localhost:8085/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"investflow-portal", "investflow-cli"})
    void accessTokensCarryTheApiAudience(String clientId) {
        assertThat(realm.mappers(clientId, "oidc-audience-mapper")).anySatisfy(mapper -> {
            assertThat(mapper.path("config").path("included.custom.audience").asString()).isEqualTo(AUDIENCE);
            assertThat(mapper.path("config").path("access.token.claim").asString()).isEqualTo("true");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"investflow-portal", "investflow-cli"})
    void realmRolesBecomeATopLevelRolesArrayOfOnlyTheFourRoles(String clientId) {
        assertThat(realm.mappers(clientId, "oidc-usermodel-realm-role-mapper")).anySatisfy(mapper -> {
            JsonNode config = mapper.path("config");
            assertThat(config.path("claim.name").asString()).isEqualTo("roles");
            assertThat(config.path("multivalued").asString()).isEqualTo("true");
            assertThat(config.path("jsonType.label").asString()).isEqualTo("String");
            assertThat(config.path("access.token.claim").asString()).isEqualTo("true");
        });
        assertThat(realm.client(clientId).path("fullScopeAllowed").asBoolean(true))
                .as("without full scope, only scope-mapped roles reach the token (no default-roles-investflow)").isFalse();
        assertThat(realm.scopeMappedRoles(clientId)).containsExactlyInAnyOrderElementsOf(ROLES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"investflow-portal", "investflow-cli"})
    void theCountryAttributeBecomesTheCountryClaim(String clientId) {
        assertThat(realm.mappers(clientId, "oidc-usermodel-attribute-mapper")).anySatisfy(mapper -> {
            assertThat(mapper.path("config").path("user.attribute").asString()).isEqualTo("country");
            assertThat(mapper.path("config").path("claim.name").asString()).isEqualTo("country");
            assertThat(mapper.path("config").path("access.token.claim").asString()).isEqualTo("true");
        });
    }

    @Test
    void theProductionRealmHasNoUsersAndNoDemoPassword() {
        assertThat(realm.users()).extracting(user -> user.path("username").asString()).isEmpty();
        assertThat(realm.users()).noneSatisfy(user -> assertThat(user.path("credentials").valueStream()
                .map(credential -> credential.path("value").asString())).contains("demo"));
    }

    @Test
    void theProductionComposeImportsOnlyTheRealmAndTheDevelopmentOverrideAddsTheDemoUsers() {
        ComposeFile production = ComposeFile.load(ComposeFile.PRODUCTION);
        ComposeFile development = ComposeFile.load(ComposeFile.DEVELOPMENT);

        assertThat(production.mountTargets("keycloak", "./" + KeycloakRealm.DEMO_USERS_FILE)).isEmpty();
        assertThat(production.serviceNames().stream().flatMap(name -> production.service(name).path("volumes").valueStream()))
                .map(JsonNode::asString).noneMatch(volume -> volume.contains("deploy/keycloak/dev/"));
        assertThat(development.mountTargets("keycloak", "./" + KeycloakRealm.DEMO_USERS_FILE))
                .containsExactly(IMPORT_DIRECTORY + "investflow-users-0.json");
        assertThat(production.mountTargets("keycloak", "./" + KeycloakRealm.FILE))
                .containsExactly(IMPORT_DIRECTORY + "investflow-realm.json");
    }

    @ParameterizedTest
    @CsvSource({
            "investor-de-1, INVESTOR, DE",
            "investor-us-1, INVESTOR, US",
            "officer-li, OFFICER, ",
            "officer-wang, OFFICER, ",
            "leader-chen, LEADER, ",
            "admin-zhao, ADMIN, "})
    void theDemoUsersOfTheLocalIssuerExistWithTheirRoleAndCountry(String username, String role, String country) {
        KeycloakRealm demo = KeycloakRealm.demoUsers();
        JsonNode user = demo.user(username).orElseThrow(() -> new AssertionError("no demo user " + username));

        assertThat(demo.name()).as("the users file names the realm it extends").isEqualTo(realm.name());
        assertThat(realm.user(username)).as("demo users stay out of the production realm").isEmpty();
        assertThat(user.path("id").asString()).as("Keycloak's sub is the user id: the contract wants the username").isEqualTo(username);
        assertThat(user.path("realmRoles").valueStream().map(JsonNode::asString)).containsExactly(role);
        if (country == null) {
            assertThat(user.path("attributes").has("country")).isFalse();
        } else {
            assertThat(user.path("attributes").path("country").valueStream().map(JsonNode::asString)).containsExactly(country);
        }
    }
}
