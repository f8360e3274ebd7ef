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

    static final String MANAGEMENT_PORT_NAME = "management";

    static List<InvestFlowService> services() {
        return InvestFlowService.all();
    }

    static List<InvestFlowService> deployables() {
        return InvestFlowService.deployables();
    }

    @ParameterizedTest
    @MethodSource("deployables")
    void deploymentRunsTwoReplicasOfTheImageOnTheApiAndTheManagementPort(InvestFlowService service) {
        DeployedService deployed = DeployedService.of(service);
        JsonNode container = deployed.container();

        assertThat(deployed.deployment().path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(container.path("image").asString()).isEqualTo(service.image());
        assertThat(container.path("ports").valueStream()
                .map(port -> port.path("name").asString() + "=" + port.path("containerPort").asInt()))
                .containsExactlyInAnyOrder("http=" + service.port(), MANAGEMENT_PORT_NAME + "=" + deployed.managementPort());
    }

    /**
     * The actuator runs on its own port (management.server.port): the probes must ask it there, as the
     * ConfigMap configures it; on the API port the actuator no longer answers.
     */
    @ParameterizedTest
    @MethodSource("deployables")
    void probesAskTheActuatorLivenessAndReadinessEndpointsOnTheConfiguredManagementPort(InvestFlowService service) {
        DeployedService deployed = DeployedService.of(service);
        JsonNode container = deployed.container();
        int management = deployed.managementPort();

        assertThat(container.has("startupProbe")).as("%s has a startupProbe", service).isTrue();
        assertProbe(container, "startupProbe", InvestFlowService.LIVENESS_PATH, management);
        assertProbe(container, "livenessProbe", InvestFlowService.LIVENESS_PATH, management);
        assertProbe(container, "readinessProbe", InvestFlowService.READINESS_PATH, management);
    }

    @ParameterizedTest
    @MethodSource("deployables")
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
    @MethodSource("deployables")
    void configMapMovesTheActuatorToItsOwnManagementPort(InvestFlowService service) {
        DeployedService deployed = DeployedService.of(service);

        assertThat(deployed.managementPort()).as("%s of %s", DeployedService.MANAGEMENT_PORT_SETTING, service)
                .isBetween(1, 65535)
                .isNotEqualTo(service.port());
    }

    @ParameterizedTest
    @MethodSource("deployables")
    void mongoUriComesFromASecretWhoseExampleNamesTheServiceDatabase(InvestFlowService service) {
        URI uri = URI.create(exampleSecretValue(service, "SPRING_MONGODB_URI"));
        assertThat(uri.getScheme()).isEqualTo("mongodb");
        assertThat(uri.getPath()).isEqualTo("/" + service.database());
    }

    @ParameterizedTest
    @MethodSource("services")
    void kafkaLoginComesFromASecretForTheServicesOwnScramPrincipal(InvestFlowService service) {
        assertThat(DeployedService.of(service).settings())
                .containsEntry("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", KafkaSecurityTest.MECHANISM)
                .doesNotContainKey("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
        assertThat(exampleSecretValue(service, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
                .contains("username=\"" + service.name() + "\"");
    }

    /** The example value, in secret.example.yaml, of the Secret key the container's variable comes from. */
    static String exampleSecretValue(InvestFlowService service, String variableName) {
        JsonNode secretRef = container(service).path("env").valueStream()
                .filter(variable -> variable.path("name").asString().equals(variableName))
                .map(variable -> variable.path("valueFrom").path("secretKeyRef"))
                .findFirst().orElseThrow(() -> new AssertionError(service + " has no " + variableName + " env"));
        JsonNode example = Repository.yamlDocuments(KubernetesManifests.directory().resolve("secret.example.yaml")).stream()
                .filter(secret -> secret.path("metadata").path("name").asString().equals(secretRef.path("name").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("secret.example.yaml lacks " + secretRef.path("name").asString()));
        return example.path("stringData").path(secretRef.path("key").asString()).asString();
    }

    @ParameterizedTest
    @MethodSource("deployables")
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

    /** No Service routes to the management port: Prometheus scrapes the pods directly, the probes come from the kubelet. */
    @ParameterizedTest
    @MethodSource("deployables")
    void noServiceRoutesToTheManagementPort(InvestFlowService service) {
        DeployedService deployed = DeployedService.of(service);
        int management = deployed.managementPort();
        List<JsonNode> servicesOfThePods = KubernetesManifests.deployed("Service").stream()
                .filter(candidate -> routesTo(candidate, deployed.podLabels()))
                .toList();

        assertThat(servicesOfThePods).as("Services selecting the pods of %s", service).isNotEmpty();
        assertThat(servicesOfThePods).allSatisfy(candidate -> assertThat(candidate.path("spec").path("ports").valueStream()
                .map(port -> targetPort(deployed, port)))
                .as("target ports of Service %s", candidate.path("metadata").path("name").asString())
                .doesNotContain(management));
    }

    @ParameterizedTest
    @MethodSource("deployables")
    void podsInviteScrapingAtTheActuatorPrometheusPathOnTheManagementPort(InvestFlowService service) {
        JsonNode annotations = KubernetesManifests.required("Deployment", service.name())
                .path("spec").path("template").path("metadata").path("annotations");

        assertThat(annotations.path("prometheus.io/scrape").asString()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/port").asString()).isEqualTo(String.valueOf(DeployedService.of(service).managementPort()));
        assertThat(annotations.path("prometheus.io/path").asString()).isEqualTo(InvestFlowService.METRICS_PATH);
    }

    @ParameterizedTest
    @MethodSource("deployables")
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
        return DeployedService.of(service).container();
    }

    /** A Service routes to the pods its (non-empty) selector matches; one without a selector routes to no pod. */
    static boolean routesTo(JsonNode kubernetesService, JsonNode podLabels) {
        JsonNode selector = kubernetesService.path("spec").path("selector");
        return !selector.isEmpty() && selector.propertyStream()
                .allMatch(label -> podLabels.path(label.getKey()).asString("").equals(label.getValue().asString()));
    }

    /** targetPort by number or name; absent, it is the Service port. A name no container declares routes nowhere (-1). */
    private static int targetPort(DeployedService deployed, JsonNode port) {
        JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
        if (target.canConvertToInt()) {
            return target.asInt();
        }
        return deployed.container().path("ports").valueStream()
                .filter(declared -> declared.path("name").asString().equals(target.asString()))
                .map(declared -> declared.path("containerPort").asInt())
                .findFirst().orElse(-1);
    }

    private static void assertProbe(JsonNode container, String probe, String path, int port) {
        JsonNode httpGet = container.path(probe).path("httpGet");
        assertThat(httpGet.path("path").asString()).as(probe).isEqualTo(path);
        assertThat(KubernetesManifests.resolvePort(container, httpGet.path("port"))).as(probe).isEqualTo(port);
    }
}
