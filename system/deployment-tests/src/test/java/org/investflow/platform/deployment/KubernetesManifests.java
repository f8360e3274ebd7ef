package org.investflow.platform.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/** The YAML files under {@code k8s/} and the resources {@code kustomization.yaml} deploys. */
final class KubernetesManifests {

    static final String KUSTOMIZATION = "kustomization.yaml";

    private KubernetesManifests() {
    }

    static Path directory() {
        return Repository.root().resolve("k8s");
    }

    /** Every {@code .yaml}/{@code .yml} file under k8s/, relative to it, with '/' separators. */
    static List<String> files() {
        try (Stream<Path> paths = Files.walk(directory(), FileVisitOption.FOLLOW_LINKS)) {
            return paths.filter(Files::isRegularFile)
                    .map(path -> directory().relativize(path).toString().replace('\\', '/'))
                    .filter(path -> path.endsWith(".yaml") || path.endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> kustomizationResources() {
        return Repository.yaml(directory().resolve(KUSTOMIZATION)).path("resources")
                .valueStream().map(JsonNode::asString).toList();
    }

    /** Every document of every resource the kustomization deploys. */
    static List<JsonNode> deployed() {
        return kustomizationResources().stream()
                .flatMap(file -> Repository.yamlDocuments(directory().resolve(file)).stream())
                .toList();
    }

    static List<JsonNode> deployed(String kind) {
        return deployed().stream().filter(resource -> kind.equals(resource.path("kind").asString())).toList();
    }

    static Optional<JsonNode> deployed(String kind, String name) {
        return deployed(kind).stream().filter(resource -> name.equals(resource.path("metadata").path("name").asString())).findFirst();
    }

    static JsonNode required(String kind, String name) {
        return deployed(kind, name).orElseThrow(() -> new AssertionError("k8s/ deploys no " + kind + " named " + name));
    }

    /** A container port given by number or by name, resolved against the container's ports. */
    static int resolvePort(JsonNode container, JsonNode port) {
        if (port.canConvertToInt()) {
            return port.asInt();
        }
        return container.path("ports").valueStream()
                .filter(declared -> port.asString().equals(declared.path("name").asString()))
                .map(declared -> declared.path("containerPort").asInt())
                .findFirst()
                .orElseThrow(() -> new AssertionError("container " + container.path("name").asString()
                        + " declares no port named " + port.asString()));
    }
}
