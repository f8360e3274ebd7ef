package org.investflow.platform.deployment;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * One InvestFlow service as deployed: the agreed facts (name, image, database), and what the
 * service's own {@code <service>.yml} says about its port and topics. The file is read when asked,
 * so a service whose file is missing or broken fails its own tests, by name, and no others.
 */
record InvestFlowService(String name, String image, String database, String module) {

    static final String LIVENESS_PATH = "/actuator/health/liveness";
    static final String READINESS_PATH = "/actuator/health/readiness";
    static final String METRICS_PATH = "/actuator/prometheus";

    private static final Pattern PORT = Pattern.compile("(\\d+)|\\$\\{[^:}]+:(\\d+)}");

    private static final List<InvestFlowService> ALL = List.of(
            backend("intake", "investflow_intake"),
            backend("negotiation", "investflow_negotiation"),
            backend("e-signature", "investflow_signing"),
            backend("project-tracking", "investflow_tracking"));

    /**
     * The portal (backend-for-frontend and the browser app): deployed like the services (its own image,
     * database, probes, replicas) but on no Kafka topic and trusting no token; it holds the users' sessions.
     */
    static final InvestFlowService PORTAL = new InvestFlowService("portal", "investflow/portal-service:0.1.0", "investflow_portal",
            "services/portal");

    private static InvestFlowService backend(String name, String database) {
        return new InvestFlowService(name, "investflow/" + name + "-service:0.1.0", database, "services/" + name + "/" + name + "-service");
    }

    /** The four event-driven services: Kafka clients and OAuth2 resource servers. */
    static List<InvestFlowService> all() {
        return ALL;
    }

    /** Everything deployed from this repository's images: the four services and the portal. */
    static List<InvestFlowService> deployables() {
        return Stream.concat(ALL.stream(), Stream.of(PORTAL)).toList();
    }

    /** Every topic any service creates or subscribes to. */
    static Set<String> declaredTopics() {
        Set<String> topics = new LinkedHashSet<>();
        ALL.forEach(service -> {
            topics.addAll(service.topics());
            topics.addAll(service.consumes());
        });
        return topics;
    }

    Path configFile() {
        return Repository.file(module + "/src/main/resources/" + name + ".yml");
    }

    /** {@code spring.application.name}. */
    String applicationName() {
        return config().path("spring").path("application").path("name").asString();
    }

    /** {@code server.port}: a literal, or the default of a {@code ${VARIABLE:8081}} placeholder. */
    int port() {
        String value = config().path("server").path("port").asString().trim();
        Matcher matcher = PORT.matcher(value);
        if (!matcher.matches()) {
            throw new AssertionError(configFile() + " has no usable server.port: '" + value + "'");
        }
        return Integer.parseInt(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    /** {@code investflow.messaging.topics}: the topics this service creates at start-up. */
    Set<String> topics() {
        return strings(config().path("investflow").path("messaging").path("topics"));
    }

    /** {@code investflow.messaging.consumes}: the topics this service subscribes to. */
    Set<String> consumes() {
        return strings(config().path("investflow").path("messaging").path("consumes"));
    }

    /** The dead-letter topics of what it consumes that it writes: it may read them too (an administrator replays them through it). */
    List<String> deadLettersOfConsumed() {
        return consumes().stream().map(topic -> topic + ".DLT").filter(topics()::contains).toList();
    }

    @Override
    public String toString() {
        return name;
    }

    private JsonNode config() {
        return Repository.yaml(configFile());
    }

    /** A YAML list, or Spring's comma-separated form of one. */
    private static Set<String> strings(JsonNode list) {
        Stream<String> values = list.isString()
                ? Stream.of(list.asString().split(","))
                : list.valueStream().map(JsonNode::asString);
        return values.map(String::trim).filter(value -> !value.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
