package org.investflow.platform.deployment;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read access to the Keycloak realm export {@code deploy/keycloak/investflow-realm.json} (the production
 * realm: roles, clients, mappers, no users) and to the development users imported beside it by
 * docker-compose.dev.yml ({@code deploy/keycloak/dev/investflow-users-0.json}, Keycloak's
 * "&lt;realm&gt;-users-&lt;n&gt;.json" import format).
 */
final class KeycloakRealm {

    static final String FILE = "deploy/keycloak/investflow-realm.json";
    static final String DEMO_USERS_FILE = "deploy/keycloak/dev/investflow-users-0.json";

    private final JsonNode root;

    private KeycloakRealm(JsonNode root) {
        this.root = root;
    }

    static KeycloakRealm load() {
        return load(FILE);
    }

    /** The development users file: a realm name and its users, nothing else. */
    static KeycloakRealm demoUsers() {
        return load(DEMO_USERS_FILE);
    }

    private static KeycloakRealm load(String file) {
        return new KeycloakRealm(JsonMapper.shared().readTree(Repository.file(file).toFile()));
    }

    List<JsonNode> users() {
        return root.path("users").valueStream().toList();
    }

    String name() {
        return root.path("realm").asString();
    }

    List<String> realmRoles() {
        return root.path("roles").path("realm").valueStream().map(role -> role.path("name").asString()).toList();
    }

    JsonNode client(String clientId) {
        return root.path("clients").valueStream()
                .filter(client -> clientId.equals(client.path("clientId").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(FILE + " defines no client " + clientId));
    }

    /** The client's protocol mappers of one kind (e.g. {@code oidc-audience-mapper}). */
    List<JsonNode> mappers(String clientId, String protocolMapper) {
        return client(clientId).path("protocolMappers").valueStream()
                .filter(mapper -> protocolMapper.equals(mapper.path("protocolMapper").asString()))
                .toList();
    }

    /** Realm roles a client may put into its tokens through its scope mappings. */
    List<String> scopeMappedRoles(String clientId) {
        return root.path("scopeMappings").valueStream()
                .filter(mapping -> clientId.equals(mapping.path("client").asString()))
                .flatMap(mapping -> mapping.path("roles").valueStream())
                .map(JsonNode::asString)
                .toList();
    }

    Optional<JsonNode> user(String username) {
        return root.path("users").valueStream()
                .filter(user -> username.equals(user.path("username").asString()))
                .findFirst();
    }
}
