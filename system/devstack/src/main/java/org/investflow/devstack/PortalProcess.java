package org.investflow.devstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The portal (services/portal) as a child JVM from its executable jar, as it is deployed: its gateway
 * and OAuth2 client stay out of the JVM that runs the four services. The local stack and the browser
 * end-to-end test start it this way.
 */
public final class PortalProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final URI baseUri;

    private PortalProcess(Process process, URI baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    /**
     * Starts the portal on {@code port} (plain HTTP, so cookies without {@code Secure}).
     *
     * @param services the base URI of each service by its route name (intake, negotiation, signing, tracking)
     */
    public static PortalProcess launch(Path jar, int port, URI issuer, Map<String, URI> services, String mongoUri, Path logFile) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("portal jar " + jar.toAbsolutePath() + " not found: build services/portal first");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--investflow.portal.issuer=" + issuer, "--investflow.portal.secure-cookies=false",
                "--spring.mongodb.uri=" + mongoUri,
                // the MongoDB-wire server does not answer `hello`; production keeps this indicator
                "--management.health.mongo.enabled=false", "--management.health.mongodb.enabled=false"));
        services.forEach((name, uri) -> command.add("--investflow.portal.services." + name + "=" + uri));
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.to(logFile.toFile())).start();
            return new PortalProcess(process, URI.create("http://127.0.0.1:" + port));
        } catch (IOException e) {
            throw new IllegalStateException("could not start the portal: " + e.getMessage(), e);
        }
    }

    /** The portal's routes (intake, negotiation, signing, tracking) to where each service answers. */
    public static Map<String, URI> routesTo(Function<Service, URI> baseUri) {
        Map<String, URI> routes = new LinkedHashMap<>();
        routes.put("intake", baseUri.apply(Service.INTAKE));
        routes.put("negotiation", baseUri.apply(Service.NEGOTIATION));
        routes.put("signing", baseUri.apply(Service.E_SIGNATURE));
        routes.put("tracking", baseUri.apply(Service.PROJECT_TRACKING));
        return routes;
    }

    /** Waits until the portal reports ready; fails at once if it exits. */
    public PortalProcess awaitReady() {
        HttpChildProcess.awaitAnswering(process, "portal", baseUri.resolve("/actuator/health/readiness"), STARTUP_TIMEOUT, Duration.ofMillis(500));
        return this;
    }

    public URI baseUri() {
        return baseUri;
    }

    @Override
    public void close() {
        HttpChildProcess.stop(process);
    }
}
