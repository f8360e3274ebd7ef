package org.investflow.portal.e2e;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * The portal as a child JVM from its executable jar, as it is deployed: its gateway and OAuth2 client
 * stay out of the JVM that runs the four services.
 */
final class PortalProcess implements AutoCloseable {

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
    static PortalProcess launch(Path jar, int port, URI issuer, Map<String, URI> services, String mongoUri, Path logFile) {
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

    /** Waits until the portal reports ready; fails at once if it exits. */
    PortalProcess awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(baseUri.resolve("/actuator/health/readiness")).build();
        Awaitility.await().atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the portal exited with code " + process.exitValue() + "; see its log");
            }
            return ready(http, readiness);
        });
        return this;
    }

    private static boolean ready(HttpClient http, HttpRequest readiness) {
        try {
            return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    URI baseUri() {
        return baseUri;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
