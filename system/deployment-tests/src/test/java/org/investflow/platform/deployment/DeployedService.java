package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** One InvestFlow service as k8s/ deploys it: its Deployment, its container and the settings the container gets. */
record DeployedService(InvestFlowService service) {

    static final String MANAGEMENT_PORT_SETTING = "MANAGEMENT_SERVER_PORT";

    static DeployedService of(InvestFlowService service) {
        return new DeployedService(service);
    }

    JsonNode deployment() {
        return KubernetesManifests.required("Deployment", service.name());
    }

    JsonNode podTemplate() {
        return deployment().path("spec").path("template");
    }

    JsonNode podLabels() {
        return podTemplate().path("metadata").path("labels");
    }

    /** The container named like the service. */
    JsonNode container() {
        List<JsonNode> containers = podTemplate().path("spec").path("containers").valueStream()
                .filter(container -> container.path("name").asString().equals(service.name()))
                .toList();
        assertThat(containers).as("container named %s", service).hasSize(1);
        return containers.get(0);
    }

    /** The names of the ConfigMaps the container takes its environment from ({@code envFrom}). */
    List<String> configMaps() {
        return container().path("envFrom").valueStream()
                .map(source -> source.path("configMapRef").path("name").asString())
                .filter(name -> !name.isEmpty())
                .toList();
    }

    /** The container's environment as Kubernetes builds it: envFrom ConfigMaps, then literal {@code env} values on top. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        configMaps().forEach(name -> KubernetesManifests.required("ConfigMap", name).path("data")
                .forEachEntry((key, value) -> settings.put(key, value.asString())));
        container().path("env").valueStream().filter(variable -> variable.has("value"))
                .forEach(variable -> settings.put(variable.path("name").asString(), variable.path("value").asString()));
        return settings;
    }

    /** {@code management.server.port} as the container gets it ({@value #MANAGEMENT_PORT_SETTING}). */
    int managementPort() {
        String value = settings().get(MANAGEMENT_PORT_SETTING);
        assertThat(value).as("%s of %s", MANAGEMENT_PORT_SETTING, service).isNotNull().containsOnlyDigits();
        return Integer.parseInt(value);
    }

    /** A port of the container, by number or by name. */
    int resolvePort(JsonNode port) {
        return KubernetesManifests.resolvePort(container(), port);
    }

    @Override
    public String toString() {
        return service.name();
    }
}
