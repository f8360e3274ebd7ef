package org.investflow.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the test adds to the imported realm through Keycloak's admin REST API, as the bootstrap admin: a
 * test-only client exactly like {@code investflow-cli} (same role, country and audience mappers, same role
 * scope) except that its audience mapper names another API, and which allows the password grant. Its
 * tokens come from the same issuer, signed with the same key, for the same users and roles: only the
 * audience tells the services they are not for them.
 */
final class KeycloakAdmin {

    static final String OTHER_CLIENT = "partner-registry";
    static final String OTHER_AUDIENCE = "partner-registry-api";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newHttpClient();
    private final KeycloakServer keycloak;
    private final String adminToken;

    private KeycloakAdmin(KeycloakServer keycloak) {
        this.keycloak = keycloak;
        this.adminToken = KeycloakLogin.json(send(KeycloakLogin.post(URI.create(keycloak.base() + "/realms/master/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", KeycloakServer.ADMIN,
                        "password", keycloak.adminPassword())))).path("access_token").asString();
    }

    static KeycloakAdmin of(KeycloakServer keycloak) {
        return new KeycloakAdmin(keycloak);
    }

    /** Creates the other-audience client from {@code investflow-cli} of the realm export in {@code realmFile}. */
    void createOtherAudienceClient(Path realmFile) {
        ObjectNode client = (ObjectNode) cliClient(realmFile).deepCopy();
        client.put("clientId", OTHER_CLIENT);
        client.put("name", "a test-only client of another API");
        client.put("standardFlowEnabled", false);
        client.put("directAccessGrantsEnabled", true);
        client.putArray("redirectUris");
        int audiences = 0;
        for (JsonNode mapper : (ArrayNode) client.path("protocolMappers")) {
            if ("oidc-audience-mapper".equals(mapper.path("protocolMapper").asString())) {
                ((ObjectNode) mapper.path("config")).put("included.custom.audience", OTHER_AUDIENCE);
                audiences++;
            }
        }
        if (audiences != 1) {
            throw new IllegalStateException("investflow-cli has " + audiences + " audience mappers, expected one");
        }
        HttpResponse<String> created = send(HttpRequest.newBuilder(admin("/clients"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))));
        KeycloakLogin.expect(created, 201);
        String id = created.headers().firstValue("Location").map(location -> location.substring(location.lastIndexOf('/') + 1))
                .orElseThrow();
        ArrayNode roles = JSON.createArrayNode();
        for (JsonNode role : realmFileRoles(realmFile)) {
            roles.add(KeycloakLogin.json(send(HttpRequest.newBuilder(admin("/roles/" + role.asString()))
                    .header("Authorization", "Bearer " + adminToken).GET())));
        }
        KeycloakLogin.expect(send(HttpRequest.newBuilder(admin("/clients/" + id + "/scope-mappings/realm"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(roles)))), 204);
    }

    /** An access token of the other-audience client (password grant). */
    String otherAudienceToken(String username, String password) {
        return KeycloakLogin.json(send(KeycloakLogin.post(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", OTHER_CLIENT, "username", username, "password", password,
                        "scope", "openid")))).path("access_token").asString();
    }

    private static JsonNode cliClient(Path realmFile) {
        for (JsonNode client : realm(realmFile).path("clients")) {
            if (KeycloakLogin.CLI.equals(client.path("clientId").asString())) {
                return client;
            }
        }
        throw new IllegalStateException(realmFile + " has no client " + KeycloakLogin.CLI);
    }

    private static JsonNode realmFileRoles(Path realmFile) {
        for (JsonNode mapping : realm(realmFile).path("scopeMappings")) {
            if (KeycloakLogin.CLI.equals(mapping.path("client").asString())) {
                return mapping.path("roles");
            }
        }
        throw new IllegalStateException(realmFile + " maps no roles to " + KeycloakLogin.CLI);
    }

    private static JsonNode realm(Path realmFile) {
        try {
            return JSON.readTree(Files.readString(realmFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI admin(String path) {
        return URI.create(keycloak.base() + "/admin/realms/" + KeycloakServer.REALM + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
