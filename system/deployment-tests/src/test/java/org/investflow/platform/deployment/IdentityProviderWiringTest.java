package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every service is told the issuer and the audience, in docker-compose.yml and in its Kubernetes
 * ConfigMap, and in compose the issuer is the Keycloak service importing the realm the URI names.
 */
class IdentityProviderWiringTest {

    static final String ISSUER_URI = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI";
    static final String AUDIENCES = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES";

    private static final ComposeFile compose = ComposeFile.load();

    static List<InvestFlowService> services() {
        return InvestFlowService.all();
    }

    @ParameterizedTest
    @MethodSource("services")
    void composeGivesEveryServiceTheRealmAsIssuerAndTheApiAudience(InvestFlowService service) {
        Map<String, String> environment = compose.environment(service.name());

        assertThat(environment).containsEntry(AUDIENCES, KeycloakRealmTest.AUDIENCE);
        assertThat(realmOf(URI.create(environment.get(ISSUER_URI)))).isEqualTo(KeycloakRealm.load().name());
    }

    @ParameterizedTest
    @MethodSource("services")
    void composeStartsEveryServiceOnlyOnceTheIssuerIsHealthy(InvestFlowService service) {
        String issuer = issuerService(service);

        assertThat(compose.dependsOn(service.name())).containsEntry(issuer, "service_healthy");
        assertThat(compose.healthcheck(issuer)).isNotBlank();
    }

    @Test
    void composeKeycloakImportsTheRealmExportAndAdvertisesTheIssuerTheServicesUse() {
        String keycloak = issuerService(InvestFlowService.all().get(0));
        URI issuer = URI.create(compose.environment("intake").get(ISSUER_URI));

        assertThat(compose.service(keycloak).path("image").asString()).startsWith("quay.io/keycloak/keycloak:26");
        assertThat(compose.script(keycloak)).contains("--import-realm");
        assertThat(compose.service(keycloak).path("volumes").valueStream().map(JsonNode::asString))
                .anyMatch(volume -> volume.startsWith("./" + KeycloakRealm.FILE + ":/opt/keycloak/data/import/"));
        assertThat(compose.environment(keycloak).get("KC_HOSTNAME"))
                .as("tokens' iss must be the issuer URI the services are given")
                .isEqualTo(issuer.getScheme() + "://" + issuer.getAuthority());
    }

    @ParameterizedTest
    @MethodSource("services")
    void kubernetesConfigMapGivesEveryServiceTheRealmAsIssuerAndTheApiAudience(InvestFlowService service) {
        Map<String, String> settings = configMapSettings(service);

        assertThat(settings).containsEntry(AUDIENCES, KeycloakRealmTest.AUDIENCE).containsKey(ISSUER_URI);
        URI issuer = URI.create(settings.get(ISSUER_URI));
        assertThat(issuer.getScheme()).isIn("http", "https");
        assertThat(realmOf(issuer)).isEqualTo(KeycloakRealm.load().name());
    }

    @Test
    void allServicesTrustTheSameIssuerOnKubernetes() {
        assertThat(services().stream().map(service -> configMapSettings(service).get(ISSUER_URI)).distinct()).hasSize(1);
    }

    private static String issuerService(InvestFlowService service) {
        String host = URI.create(compose.environment(service.name()).get(ISSUER_URI)).getHost();
        return compose.serviceReachableAs(host)
                .orElseThrow(() -> new AssertionError("issuer host " + host + " of " + service + " is no compose service"));
    }

    private static String realmOf(URI issuer) {
        String path = issuer.getPath();
        assertThat(path).as("Keycloak issuer path of %s", issuer).matches("/realms/[^/]+");
        return path.substring("/realms/".length());
    }

    private static Map<String, String> configMapSettings(InvestFlowService service) {
        JsonNode container = KubernetesManifests.required("Deployment", service.name())
                .path("spec").path("template").path("spec").path("containers").path(0);
        return container.path("envFrom").valueStream()
                .map(source -> source.path("configMapRef").path("name").asString())
                .filter(name -> !name.isEmpty())
                .flatMap(name -> KubernetesManifests.required("ConfigMap", name).path("data").propertyStream())
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().asString(), (a, b) -> b));
    }
}
