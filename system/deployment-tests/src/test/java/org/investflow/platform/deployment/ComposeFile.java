package org.investflow.platform.deployment;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Read access to a Compose file, accepting both the short and the long Compose syntaxes: the production
 * {@code docker-compose.yml}, or the development override {@code docker-compose.dev.yml} on its own.
 */
final class ComposeFile {

    static final String PRODUCTION = "docker-compose.yml";
    static final String DEVELOPMENT = "docker-compose.dev.yml";

    /** {@code ${NAME}}, {@code ${NAME:?message}}, {@code ${NAME:-default}}; {@code $$} escapes a dollar sign. */
    static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");

    private final Path file;
    private final JsonNode root;

    private ComposeFile(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    static ComposeFile load() {
        return load(PRODUCTION);
    }

    static ComposeFile load(String name) {
        Path file = Repository.file(name);
        return new ComposeFile(file, Repository.yaml(file));
    }

    Path file() {
        return file;
    }

    /** Every variable the file interpolates, by name, in order of first use. */
    Set<String> variables() {
        Set<String> variables = new LinkedHashSet<>();
        Matcher matcher = INTERPOLATION.matcher(text());
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    /** The file as written, comments included. */
    String text() {
        return Repository.text(file);
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

    /** Container paths the service mounts from {@code source} (a path relative to the repository, as "./..."). */
    List<String> mountTargets(String service, String source) {
        return service(service).path("volumes").valueStream()
                .map(JsonNode::asString)
                .filter(volume -> volume.startsWith(source + ":"))
                .map(volume -> volume.substring(source.length() + 1).replaceAll(":ro$", ""))
                .toList();
    }

    static String host(String uriOrHostPort) {
        String value = uriOrHostPort.contains("://") ? uriOrHostPort : "tcp://" + uriOrHostPort;
        return uri(value.split(",")[0]).getHost();
    }

    /** A URI whose parts may be interpolated variables (a password, typically), each read as "interpolated". */
    static URI uri(String value) {
        return URI.create(INTERPOLATION.matcher(value).replaceAll("interpolated"));
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
