package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, the production shape, publishes only its entry points: the services' HTTP APIs,
 * the portal, the login page and Grafana. MongoDB, Kafka, the controller quorum, Prometheus and any
 * mailbox stay on the compose network, and mail leaves through the relay the operator configures.
 * Whatever a developer needs published comes from docker-compose.dev.yml.
 */
class ComposeExposureTest {

    /**
     * What users and operators reach from outside. Keycloak is one: browsers are sent to its login page,
     * and its issuer URL is what the tokens carry.
     */
    static final Set<String> ENTRY_POINTS = Set.of(
            "intake", "negotiation", "e-signature", "project-tracking", "portal", "keycloak", "grafana");

    /** Container ports of databases, brokers, metrics stores and mail servers. */
    static final Set<Integer> INTERNAL_PORTS = Set.of(27017, 9092, 9093, 29092, 9090, 25, 465, 587, 3025, 3465, 3143, 3993, 143, 993);

    /** Keycloak's management interface (health, metrics) unless KC_HTTP_MANAGEMENT_PORT says otherwise. */
    static final int KEYCLOAK_MANAGEMENT_PORT = 9000;

    static final List<String> MAIL_CATCHERS = List.of("greenmail", "mailhog", "mailpit", "mailcatcher");

    private static ComposeFile compose;

    @BeforeAll
    static void load() {
        compose = ComposeFile.load();
    }

    @Test
    void onlyTheEntryPointsPublishPorts() {
        assertThat(compose.serviceNames())
                .filteredOn(name -> !compose.publishedContainerPorts(name).isEmpty())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(ENTRY_POINTS).as("%s publishes %s", name, compose.publishedContainerPorts(name))
                        .contains(name));
    }

    /**
     * Keycloak is an entry point only because the portal logs users in with the authorization-code flow: it
     * sends their browsers to the login page of its issuer, so that issuer's host and port must be reachable
     * from outside. Exactly that port is published, never the management port (health, metrics).
     */
    @Test
    void keycloakPublishesOnlyTheLoginPortThePortalSendsBrowsersTo() {
        URI issuer = ComposeFile.uri(compose.environment("portal").get("INVESTFLOW_PORTAL_ISSUER"));
        String keycloak = compose.serviceReachableAs(issuer.getHost()).orElseThrow();

        assertThat(KeycloakRealm.load().client("investflow-portal").path("standardFlowEnabled").asBoolean())
                .as("browser login: the authorization-code flow").isTrue();
        assertThat(compose.environment(keycloak).get("KC_HOSTNAME")).isEqualTo(issuer.getScheme() + "://" + issuer.getAuthority());
        assertThat(compose.publishedContainerPorts(keycloak)).containsExactly(issuer.getPort());
        assertThat(compose.environment(keycloak).getOrDefault("KC_HTTP_MANAGEMENT_PORT", String.valueOf(KEYCLOAK_MANAGEMENT_PORT)))
                .isNotEqualTo(String.valueOf(issuer.getPort()));
    }

    @Test
    void noDatabaseBrokerOrMailboxPortIsPublished() {
        assertThat(compose.serviceNames()).allSatisfy(name -> assertThat(compose.publishedContainerPorts(name))
                .as("ports published by %s", name)
                .doesNotContainAnyElementsOf(INTERNAL_PORTS));
    }

    @Test
    void theDataStoresAndTheBrokerPublishNothing() {
        assertThat(compose.serviceNames())
                .filteredOn(name -> image(name).startsWith("mongo") || image(name).contains("kafka"))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(compose.publishedContainerPorts(name)).as("ports published by %s", name).isEmpty());
    }

    @Test
    void theProductionFileRunsNoMailCatcher() {
        assertThat(compose.serviceNames()).allSatisfy(name -> assertThat(MAIL_CATCHERS)
                .noneMatch(catcher -> image(name).contains(catcher)));
    }

    @Test
    void eSignatureSendsMailThroughTheRelayTheOperatorConfigures() {
        var environment = compose.environment("e-signature");

        assertThat(List.of("SMTP_HOST", "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD")).allSatisfy(setting ->
                assertThat(environment.get(setting)).as(setting).isNotNull().matches(ComposeFile.INTERPOLATION));
        assertThat(compose.dependsOn("e-signature")).doesNotContainKey("mail");
    }

    private static String image(String service) {
        return compose.service(service).path("image").asString("");
    }
}
