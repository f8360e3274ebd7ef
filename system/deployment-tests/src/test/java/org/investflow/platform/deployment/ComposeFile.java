package org.investflow.platform.deployment;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** Read access to {@code docker-compose.yml}, accepting both the short and the long Compose syntaxes. */
final class ComposeFile {

    private final JsonNode root;

    private ComposeFile(JsonNode root) {
        this.root = root;
    }

    static ComposeFile load() {
        return new ComposeFile(Repository.yaml(Repository.file("docker-compose.yml")));
    }

    JsonNode root() {
        return root;
    }

    List<String> serviceNames() {
        return List.copyOf(root.path("services").propertyNames());
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").path(name);
        if (service.isMissingNode()) {
            throw new AssertionError("docker-compose.yml has no service '" + name + "'");
        }
        return service;
    }

    /** {@code environment:} as a map, from either {@code KEY: value} or {@code - KEY=value}. */
    Map<String, String> environment(String service) {
        JsonNode environment = service(service).path("environment");
        Map<String, String> values = new LinkedHashMap<>();
        if (environment.isArray()) {
            environment.valueStream().map(JsonNode::asString).forEach(entry -> {
                int split = entry.indexOf('=');
                values.put(split < 0 ? entry : entry.substring(0, split), split < 0 ? "" : entry.substring(split + 1));
            });
        } else {
            environment.forEachEntry((key, value) -> values.put(key, value.asString()));
        }
        return values;
    }

    /** Container ports published by a service, from {@code "8081:8081"}, {@code "8081"} or long syntax. */
    List<Integer> publishedContainerPorts(String service) {
        return service(service).path("ports").valueStream().map(port -> {
            if (port.isObject()) {
                return port.path("target").asInt();
            }
            String spec = port.asString().replaceAll("/(tcp|udp)$", "");
            return Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1));
        }).toList();
    }

    /** The healthcheck test as one command line ("CMD"/"CMD-SHELL" prefix dropped). */
    String healthcheck(String service) {
        return commandLine(service(service).path("healthcheck").path("test"));
    }

    /** Entrypoint and command of a service as one text, as the container would run it. */
    String script(String service) {
        return commandLine(service(service).path("entrypoint")) + "\n" + commandLine(service(service).path("command"));
    }

    /** {@code depends_on} as service → condition ({@code service_started} for the short list form). */
    Map<String, String> dependsOn(String service) {
        JsonNode dependsOn = service(service).path("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn.isArray()) {
            dependsOn.valueStream().forEach(name -> conditions.put(name.asString(), "service_started"));
        } else {
            dependsOn.forEachEntry((name, spec) -> conditions.put(name, spec.path("condition").asString("service_started")));
        }
        return conditions;
    }

    /** The compose service whose hostname (or service name) is {@code host}, if any. */
    Optional<String> serviceReachableAs(String host) {
        return serviceNames().stream()
                .filter(name -> name.equals(host) || host.equals(service(name).path("hostname").asString(null)))
                .findFirst();
    }

    /** The one-shot service that creates the topics, found by what it runs rather than by its name. */
    String topicCreatingService() {
        List<String> creators = serviceNames().stream()
                .filter(name -> !TopicScript.createdTopics(script(name)).isEmpty())
                .toList();
        if (creators.size() != 1) {
            throw new AssertionError("expected one compose service creating topics, found " + creators);
        }
        return creators.get(0);
    }

    static String host(String uriOrHostPort) {
        String value = uriOrHostPort.contains("://") ? uriOrHostPort : "tcp://" + uriOrHostPort;
        return URI.create(value.split(",")[0]).getHost();
    }

    private static String commandLine(JsonNode command) {
        if (command.isArray()) {
            List<String> parts = command.valueStream().map(JsonNode::asString).toList();
            boolean prefixed = !parts.isEmpty() && (parts.get(0).equals("CMD") || parts.get(0).equals("CMD-SHELL"));
            return String.join(" ", prefixed ? parts.subList(1, parts.size()) : parts);
        }
        return command.asString("");
    }
}
