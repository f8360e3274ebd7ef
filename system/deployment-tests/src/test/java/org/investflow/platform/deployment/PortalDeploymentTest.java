package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What only the portal needs, beyond what it shares with the services (image, port, probes, replicas,
 * database: {@link ComposeServicesTest}, {@link KubernetesServicesTest}): it is Keycloak's confidential
 * client with the one secret both are given, it logs users in at the realm the services trust, it relays
 * to each service where that service answers, and on Kubernetes it is the browsers' entry through an Ingress.
 */
class PortalDeploymentTest {

    private static final InvestFlowService PORTAL = InvestFlowService.PORTAL;
    private static final String CLIENT_SECRET = "PORTAL_CLIENT_SECRET";
    /** The portal's route names ({@code investflow.portal.services.*}) and the service each reaches. */
    private static final Map<String, String> ROUTES = Map.of("INTAKE", "intake", "NEGOTIATION", "negotiation",
            "SIGNING", "e-signature", "TRACKING", "project-tracking");

    private static ComposeFile compose;

    @BeforeAll
    static void load() {
        compose = ComposeFile.load();
    }

    @Test
    void composeGivesKeycloakAndThePortalTheSameClientSecretFromTheEnvFile() {
        String keycloak = issuerHost();

        assertThat(compose.environment(PORTAL.name()).get(CLIENT_SECRET)).startsWith("${" + CLIENT_SECRET + ":?");
        assertThat(compose.environment(keycloak).get(CLIENT_SECRET)).as("for the realm export's placeholder")
                .isEqualTo(compose.environment(PORTAL.name()).get(CLIENT_SECRET));
        assertThat(KeycloakRealm.load().client("investflow-portal").path("secret").asString()).isEqualTo("${" + CLIENT_SECRET + "}");
    }

    @Test
    void composePortalLogsInAtTheRealmTheServicesTrustOnceKeycloakAndMongoAreHealthy() {
        String issuer = compose.environment(PORTAL.name()).get("INVESTFLOW_PORTAL_ISSUER");

        assertThat(issuer).isEqualTo(compose.environment("intake").get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"));
        String mongo = compose.serviceReachableAs(ComposeFile.uri(compose.environment(PORTAL.name()).get("SPRING_MONGODB_URI")).getHost())
                .orElseThrow();
        assertThat(compose.dependsOn(PORTAL.name())).containsEntry(issuerHost(), "service_healthy").containsEntry(mongo, "service_healthy");
    }

    @Test
    void composePortalRelaysToEachServiceOnThePortItsConfigurationDeclares() {
        Map<String, String> environment = compose.environment(PORTAL.name());

        ROUTES.forEach((route, service) -> {
            URI target = URI.create(environment.get("INVESTFLOW_PORTAL_SERVICES_" + route));
            assertThat(compose.serviceReachableAs(target.getHost())).as("route %s", route).contains(service);
            assertThat(target.getPort()).as("route %s", route).isEqualTo(port(service));
        });
    }

    @Test
    void kubernetesPortalRelaysToEachServicesClusterAddressAndLogsInAtTheRealmTheServicesTrust() {
        Map<String, String> settings = DeployedService.of(PORTAL).settings();

        assertThat(settings.get("INVESTFLOW_PORTAL_ISSUER"))
                .isEqualTo(DeployedService.of(InvestFlowService.all().get(0)).settings().get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"));
        assertThat(settings).containsEntry("PORTAL_SECURE_COOKIES", "true").doesNotContainKey(CLIENT_SECRET);
        ROUTES.forEach((route, service) -> {
            URI target = URI.create(settings.get("INVESTFLOW_PORTAL_SERVICES_" + route));
            JsonNode kubernetesService = KubernetesManifests.required("Service", target.getHost());
            assertThat(kubernetesService.path("spec").path("ports").valueStream().map(port -> port.path("port").asInt()))
                    .as("route %s", route).contains(target.getPort());
            assertThat(target.getHost()).isEqualTo(service);
        });
    }

    @Test
    void kubernetesPortalTakesItsClientSecretFromASecret() {
        assertThat(KubernetesServicesTest.exampleSecretValue(PORTAL, CLIENT_SECRET)).isEqualTo("CHANGE_ME");
    }

    @Test
    void kubernetesIngressServesThePortalOverTlsOnItsServicePort() {
        JsonNode ingress = KubernetesManifests.required("Ingress", PORTAL.name());
        List<JsonNode> backends = ingress.path("spec").path("rules").valueStream()
                .flatMap(rule -> rule.path("http").path("paths").valueStream())
                .map(path -> path.path("backend").path("service")).toList();
        JsonNode service = KubernetesManifests.required("Service", PORTAL.name());

        assertThat(backends).isNotEmpty().allSatisfy(backend -> {
            assertThat(backend.path("name").asString()).isEqualTo(PORTAL.name());
            assertThat(service.path("spec").path("ports").valueStream().map(port -> port.path("name").asString()))
                    .contains(backend.path("port").path("name").asString());
        });
        assertThat(ingress.path("spec").path("tls").valueStream().flatMap(tls -> tls.path("hosts").valueStream()).map(JsonNode::asString))
                .containsExactlyInAnyOrderElementsOf(ingress.path("spec").path("rules").valueStream()
                        .map(rule -> rule.path("host").asString()).toList());
    }

    @Test
    void onlyThePortalIsExposedThroughAnIngress() {
        assertThat(KubernetesManifests.deployed("Ingress")).extracting(ingress -> ingress.path("metadata").path("name").asString())
                .containsExactly(PORTAL.name());
    }

    private static String issuerHost() {
        return compose.serviceReachableAs(URI.create(compose.environment(PORTAL.name()).get("INVESTFLOW_PORTAL_ISSUER")).getHost())
                .orElseThrow();
    }

    private static int port(String service) {
        return InvestFlowService.all().stream().filter(candidate -> candidate.name().equals(service)).findFirst().orElseThrow().port();
    }
}
