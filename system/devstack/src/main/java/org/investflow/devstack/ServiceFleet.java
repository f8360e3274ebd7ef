package org.investflow.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

import org.awaitility.Awaitility;
import org.slf4j.MDC;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * All four services running in this JVM, each in its own Spring context with its own port and
 * database, on one Kafka broker and one MongoDB server: how the local stack and the end-to-end
 * test run the system.
 */
public final class ServiceFleet implements AutoCloseable {

    private final Map<Service, ConfigurableApplicationContext> running = new EnumMap<>(Service.class);
    private final String bootstrapServers;
    private final String mongoAddress;
    private final IntUnaryOperator port;
    private final Map<String, Object> extra;
    private final Function<Service, Map<String, Object>> own;

    private ServiceFleet(String bootstrapServers, String mongoAddress, IntUnaryOperator port, Map<String, Object> extra,
                         Function<Service, Map<String, Object>> own) {
        this.bootstrapServers = bootstrapServers;
        this.mongoAddress = mongoAddress;
        this.port = port;
        this.extra = Map.copyOf(extra);
        this.own = own;
    }

    /**
     * Starts every service, one after the other (2 cores: parallel starts only contend).
     *
     * @param bootstrapServers the Kafka broker
     * @param mongoAddress     host:port of the MongoDB server
     * @param port             the port of each service from its local-stack port (0 = any free port)
     * @param extra            further settings for every service
     */
    public static ServiceFleet start(String bootstrapServers, String mongoAddress, IntUnaryOperator port,
                                     Map<String, Object> extra) {
        return start(bootstrapServers, mongoAddress, port, extra, service -> Map.of());
    }

    /**
     * The same, with settings of each service's own besides the shared ones (its Kafka login on the local
     * stack's authenticating broker).
     */
    public static ServiceFleet start(String bootstrapServers, String mongoAddress, IntUnaryOperator port,
                                     Map<String, Object> extra, Function<Service, Map<String, Object>> own) {
        ServiceFleet fleet = new ServiceFleet(bootstrapServers, mongoAddress, port, extra, own);
        try {
            for (Service service : Service.values()) {
                fleet.running.put(service, fleet.launch(service));
            }
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    private ConfigurableApplicationContext launch(Service service) {
        Map<String, Object> settings = new HashMap<>(extra);
        settings.putAll(own.apply(service));
        settings.put("server.port", port.applyAsInt(service.localPort()));
        settings.put("spring.kafka.bootstrap-servers", bootstrapServers);
        settings.put("spring.mongodb.uri", "mongodb://" + mongoAddress + "/" + service.database());
        // the MongoDB-wire server does not answer `hello`; production keeps this indicator
        settings.put("management.health.mongo.enabled", "false");
        settings.put("management.health.mongodb.enabled", "false");
        // a fleet on one machine (local stack, tests, benchmarks) may seal with a generated development seal
        settings.putIfAbsent("investflow.signing.seal.development", "true");
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        // its startup lines carry its name in the local stack's console (ServiceLabel)
        try (MDC.MDCCloseable label = MDC.putCloseable(ServiceLabel.STARTING, service.serviceName())) {
            return service.application().run(args);
        }
    }

    /** Where {@code service} answers HTTP. */
    public URI baseUri(Service service) {
        return URI.create("http://127.0.0.1:" + running.get(service).getEnvironment().getProperty("local.server.port"));
    }

    /** {@code service}'s bean of {@code type}: for measurements in this JVM (the benchmark reads the services' meters). */
    public <T> T bean(Service service, Class<T> type) {
        return running.get(service).getBean(type);
    }

    /** Every service's base URI, in pipeline order. */
    public Map<Service, URI> baseUris() {
        Map<Service, URI> uris = new EnumMap<>(Service.class);
        running.keySet().forEach(service -> uris.put(service, baseUri(service)));
        return uris;
    }

    /** Waits until every service answers its readiness probe with 200, each for at most {@code timeout}. */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        baseUris().values().forEach(base -> Awaitility.await().atMost(timeout)
                .until(() -> status(http, base.resolve("/actuator/health/readiness")) == 200));
    }

    private static int status(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Stops one service. Stopping one also stops the HTTP server of the others: the services share Reactor
     * Netty's global event loops, and a closing context disposes them; {@link #restart} brings one back.
     */
    public void stop(Service service) {
        ConfigurableApplicationContext context = running.remove(service);
        if (context != null) {
            context.close();
        }
    }

    /** Stops {@code service} if it runs and starts it again with the fleet's settings (on a new port when ports are free ones). */
    public void restart(Service service) {
        stop(service);
        running.put(service, launch(service));
    }

    /** Stops the services in reverse pipeline order. */
    @Override
    public void close() {
        List<ConfigurableApplicationContext> contexts = new ArrayList<>(running.values());
        Collections.reverse(contexts);
        contexts.forEach(ConfigurableApplicationContext::close);
        running.clear();
    }
}
