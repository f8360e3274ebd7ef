package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Each service's Deployment, Service, ConfigMap and autoscaler in k8s/ agree with the service's own settings. */
class KubernetesServicesTest {

    static List<InvestFlowService> services() {
        return InvestFlowService.all();
    }

    @ParameterizedTest
    @MethodSource("services")
    void deploymentRunsTwoReplicasOfTheImageOnTheConfiguredPort(InvestFlowService service) {
        JsonNode deployment = KubernetesManifests.required("Deployment", service.name());
        JsonNode container = container(service);

        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(container.path("image").asString()).isEqualTo(service.image());
        assertThat(container.path("ports").valueStream().map(port -> port.path("containerPort").asInt()))
                .containsExactly(service.port());
    }

    @ParameterizedTest
    @MethodSource("services")
    void probesAskTheActuatorLivenessAndReadinessEndpointsOnTheConfiguredPort(InvestFlowService service) {
        JsonNode container = container(service);

        assertProbe(container, "livenessProbe", InvestFlowService.LIVENESS_PATH, service.port());
        assertProbe(container, "readinessProbe", InvestFlowService.READINESS_PATH, service.port());
        if (container.has("startupProbe")) {
            assertProbe(container, "startupProbe", InvestFlowService.LIVENESS_PATH, service.port());
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void containerDeclaresCpuAndMemoryRequestsAndLimits(InvestFlowService service) {
        JsonNode resources = container(service).path("resources");

        for (String bound : List.of("requests", "limits")) {
            assertThat(resources.path(bound).path("cpu").asString()).as("%s %s.cpu", service, bound).isNotBlank();
            assertThat(resources.path(bound).path("memory").asString()).as("%s %s.memory", service, bound).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void settingsComeFromTheServiceConfigMapWithTheConfiguredPort(InvestFlowService service) {
        List<String> configMaps = container(service).path("envFrom").valueStream()
                .map(source -> source.path("configMapRef").path("name").asString())
                .filter(name -> !name.isEmpty())
                .toList();

        assertThat(configMaps).isNotEmpty();
        Map<String, String> settings = configMaps.stream()
                .flatMap(name -> KubernetesManifests.required("ConfigMap", name).path("data").propertyStream())
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().asString(), (a, b) -> b));
        assertThat(settings).containsEntry("SERVER_PORT", String.valueOf(service.port()))
                .containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS")
                .doesNotContainKey("SPRING_MONGODB_URI");
    }

    @ParameterizedTest
    @MethodSource("services")
    void mongoUriComesFromASecretWhoseExampleNamesTheServiceDatabase(InvestFlowService service) {
        JsonNode secretRef = container(service).path("env").valueStream()
                .filter(variable -> variable.path("name").asString().equals("SPRING_MONGODB_URI"))
                .map(variable -> variable.path("valueFrom").path("secretKeyRef"))
                .findFirst().orElseThrow(() -> new AssertionError(service + " has no SPRING_MONGODB_URI env"));
        JsonNode example = Repository.yamlDocuments(KubernetesManifests.directory().resolve("secret.example.yaml")).stream()
                .filter(secret -> secret.path("metadata").path("name").asString().equals(secretRef.path("name").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("secret.example.yaml lacks " + secretRef.path("name").asString()));

        URI uri = URI.create(example.path("stringData").path(secretRef.path("key").asString()).asString());
        assertThat(uri.getScheme()).isEqualTo("mongodb");
        assertThat(uri.getPath()).isEqualTo("/" + service.database());
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceRoutesToTheDeploymentPodsOnTheConfiguredPort(InvestFlowService service) {
        JsonNode kubernetesService = KubernetesManifests.required("Service", service.name());
        JsonNode podLabels = KubernetesManifests.required("Deployment", service.name())
                .path("spec").path("template").path("metadata").path("labels");

        assertThat(kubernetesService.path("spec").path("selector").properties()).isNotEmpty()
                .allSatisfy(label -> assertThat(podLabels.path(label.getKey()).asString()).isEqualTo(label.getValue().asString()));
        assertThat(kubernetesService.path("spec").path("ports").valueStream()
                .map(port -> KubernetesManifests.resolvePort(container(service), port.path("targetPort"))))
                .contains(service.port());
    }

    @ParameterizedTest
    @MethodSource("services")
    void podsInviteScrapingAtTheActuatorPrometheusPath(InvestFlowService service) {
        JsonNode annotations = KubernetesManifests.required("Deployment", service.name())
                .path("spec").path("template").path("metadata").path("annotations");

        assertThat(annotations.path("prometheus.io/scrape").asString()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/port").asString()).isEqualTo(String.valueOf(service.port()));
        assertThat(annotations.path("prometheus.io/path").asString()).isEqualTo(InvestFlowService.METRICS_PATH);
    }

    @ParameterizedTest
    @MethodSource("services")
    void autoscalerNeverRunsMoreConsumersThanTheConsumedTopicsHavePartitions(InvestFlowService service) {
        JsonNode autoscaler = KubernetesManifests.deployed("HorizontalPodAutoscaler").stream()
                .filter(hpa -> hpa.path("spec").path("scaleTargetRef").path("name").asString().equals(service.name()))
                .findFirst().orElseThrow(() -> new AssertionError("no autoscaler for " + service));
        Map<String, Integer> partitions = TopicProvisioningTest.kubernetesTopics();
        int maxReplicas = autoscaler.path("spec").path("maxReplicas").asInt();

        assertThat(autoscaler.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(service.consumes()).allSatisfy(topic -> assertThat(maxReplicas).as("consumers of %s", topic)
                .isLessThanOrEqualTo(partitions.getOrDefault(topic, 0)));
    }

    private static JsonNode container(InvestFlowService service) {
        List<JsonNode> containers = KubernetesManifests.required("Deployment", service.name())
                .path("spec").path("template").path("spec").path("containers").valueStream()
                .filter(container -> container.path("name").asString().equals(service.name()))
                .toList();
        assertThat(containers).as("container named %s", service).hasSize(1);
        return containers.get(0);
    }

    private static void assertProbe(JsonNode container, String probe, String path, int port) {
        JsonNode httpGet = container.path(probe).path("httpGet");
        assertThat(httpGet.path("path").asString()).as(probe).isEqualTo(path);
        assertThat(KubernetesManifests.resolvePort(container, httpGet.path("port"))).as(probe).isEqualTo(port);
    }
}
