package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Project tracking's alert rules and Grafana dashboard are provisioned by both deployments from the one
 * source, {@code services/project-tracking/.../resources/observability/}: Compose mounts the files, and
 * {@code k8s/observability/} holds ConfigMaps with their exact text, which must never drift. Run with
 * {@code -Dinvestflow.observability.write=true} to regenerate the ConfigMaps from the sources.
 */
class ObservabilityProvisioningTest {

    static final String SOURCE = "services/project-tracking/project-tracking-service/src/main/resources/observability/";
    static final String WRITE = "investflow.observability.write";

    /** One provisioned file: its source, the ConfigMap holding it, the key in that ConfigMap, and its labels. */
    enum Provisioned {
        RULES("prometheus-alerts.yml", "prometheus-rules.yaml", "investflow-prometheus-rules", "investflow-alerts.yml",
                "prometheus_rule", "/etc/prometheus/rules/"),
        DASHBOARD("grafana-dashboard.json", "grafana-dashboard.yaml", "investflow-grafana-dashboard", "investflow-pipeline.json",
                "grafana_dashboard", "/var/lib/grafana/dashboards/");

        final String source;
        final String manifest;
        final String configMap;
        final String key;
        final String discoveryLabel;
        final String composeMountDirectory;

        Provisioned(String source, String manifest, String configMap, String key, String discoveryLabel, String composeMountDirectory) {
            this.source = source;
            this.manifest = manifest;
            this.configMap = configMap;
            this.key = key;
            this.discoveryLabel = discoveryLabel;
            this.composeMountDirectory = composeMountDirectory;
        }

        String sourceText() {
            return read(Repository.file(SOURCE + source));
        }

        Path manifestPath() {
            return KubernetesManifests.directory().resolve("observability").resolve(manifest);
        }

        /** The ConfigMap manifest as this test writes it: the source text verbatim as a YAML literal block. */
        String generated() {
            String indented = sourceText().lines().map(line -> line.isEmpty() ? "" : "    " + line)
                    .collect(Collectors.joining("\n", "", "\n"));
            return "# Generated from " + SOURCE + source + " by system/deployment-tests ObservabilityProvisioningTest:\n"
                    + "# edit the source, then run that test with -D" + WRITE + "=true. Never edit this copy.\n"
                    + "apiVersion: v1\n"
                    + "kind: ConfigMap\n"
                    + "metadata:\n"
                    + "  name: " + configMap + "\n"
                    + "  labels:\n"
                    + "    app.kubernetes.io/name: project-tracking\n"
                    + "    app.kubernetes.io/component: observability\n"
                    + "    " + discoveryLabel + ": \"1\"\n"
                    + "data:\n"
                    + "  " + key + ": |\n"
                    + indented;
        }
    }

    @ParameterizedTest
    @EnumSource(Provisioned.class)
    void theKubernetesConfigMapHoldsTheSourceFileVerbatim(Provisioned file) throws IOException {
        if (Boolean.getBoolean(WRITE)) {
            Files.createDirectories(file.manifestPath().getParent());
            Files.writeString(file.manifestPath(), file.generated(), StandardCharsets.UTF_8);
        }
        assertThat(Files.isRegularFile(file.manifestPath())).as("%s exists; generate it with -D%s=true", file.manifestPath(), WRITE)
                .isTrue();
        JsonNode configMap = Repository.yaml(file.manifestPath());

        assertThat(configMap.path("kind").asString()).isEqualTo("ConfigMap");
        assertThat(configMap.path("metadata").path("name").asString()).isEqualTo(file.configMap);
        assertThat(configMap.path("metadata").path("labels").path(file.discoveryLabel).asString()).isEqualTo("1");
        assertThat(configMap.path("data").path(file.key).asString())
                .as("%s drifted from %s; regenerate with -D%s=true", file.manifest, file.source, WRITE)
                .isEqualTo(file.sourceText());
    }

    @ParameterizedTest
    @EnumSource(Provisioned.class)
    void theKustomizationDeploysTheConfigMap(Provisioned file) {
        assertThat(KubernetesManifests.kustomizationResources()).contains("observability/" + file.manifest);
        assertThat(KubernetesManifests.deployed("ConfigMap")).extracting(map -> map.path("metadata").path("name").asString())
                .contains(file.configMap);
    }

    @ParameterizedTest
    @EnumSource(Provisioned.class)
    void composeMountsTheSourceFileItself(Provisioned file) {
        ComposeFile compose = ComposeFile.load();
        List<String> mounts = compose.serviceNames().stream()
                .flatMap(name -> compose.service(name).path("volumes").valueStream())
                .map(JsonNode::asString)
                .filter(volume -> volume.startsWith("./" + SOURCE + file.source + ":"))
                .toList();

        assertThat(mounts).as("a compose volume mounting %s", file.source).singleElement()
                .satisfies(mount -> assertThat(mount).contains(":" + file.composeMountDirectory).endsWith(":ro"));
    }

    @Test
    void composePrometheusLoadsTheMountedRules() {
        JsonNode prometheus = Repository.yaml(Repository.file("deploy/prometheus/prometheus.yml"));
        assertThat(prometheus.path("rule_files").valueStream().map(JsonNode::asString))
                .contains(Provisioned.RULES.composeMountDirectory + "*.yml");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
