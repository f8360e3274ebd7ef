package org.investflow.platform.deployment;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Read access to the Keycloak realm export {@code deploy/keycloak/investflow-realm.json}. */
final class KeycloakRealm {

    static final String FILE = "deploy/keycloak/investflow-realm.json";

    private final JsonNode root;

    private KeycloakRealm(JsonNode root) {
        this.root = root;
    }

    static KeycloakRealm load() {
        return new KeycloakRealm(JsonMapper.shared().readTree(Repository.file(FILE).toFile()));
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
