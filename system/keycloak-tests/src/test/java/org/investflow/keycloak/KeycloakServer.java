package org.investflow.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak, from the {@code org.keycloak:keycloak-quarkus-dist} distribution the build unpacks
 * (system property {@code keycloak.home}), run as compose runs its image: {@code kc.sh start-dev
 * --import-realm} with deploy/keycloak's realm export, here with the development users beside it
 * (what docker-compose.dev.yml adds), an in-memory database and free ports. The bootstrap admin's and the
 * portal client's secrets are random per run. One per test JVM ({@link #shared()}), stopped when the JVM
 * exits; start-dev builds Keycloak's Quarkus application first, so the first start takes up to a few minutes
 * on two busy cores, bounded by {@link #STARTUP_TIMEOUT}.
 */
final class KeycloakServer {

    static final String REALM = "investflow";
    static final String ADMIN = "admin";
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final List<String> IMPORTED = List.of("investflow-realm.json", "dev/investflow-users-0.json");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static KeycloakServer shared;

    private final Process process;
    private final URI base;
    private final String adminPassword;
    private final String portalClientSecret;
    private final Path log;

    private KeycloakServer(Process process, URI base, String adminPassword, String portalClientSecret, Path log) {
        this.process = process;
        this.base = base;
        this.adminPassword = adminPassword;
        this.portalClientSecret = portalClientSecret;
        this.log = log;
    }

    /** This JVM's Keycloak, started on first use. */
    static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = start(Path.of(required("keycloak.home")), Path.of(required("keycloak.realm.dir")));
            KeycloakServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-shutdown"));
        }
        return shared;
    }

    private static KeycloakServer start(Path home, Path realmDirectory) {
        Path kc = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kc)) {
            throw new IllegalStateException(kc + " not found: the build unpacks org.keycloak:keycloak-quarkus-dist there");
        }
        try {
            importRealm(home, realmDirectory);
            int httpPort = freePort();
            String adminPassword = secret();
            String portalClientSecret = secret();
            Path log = home.getParent().resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder("bash", kc.toString(), "start-dev", "--import-realm",
                    "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + httpPort,
                    "--http-management-port=" + freePort(), "--health-enabled=true")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("JAVA_HOME", KeycloakJava.home().toString());
            environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            // the realm export's "${PORTAL_CLIENT_SECRET}", filled by Keycloak at import as compose's .env does
            environment.put("PORTAL_CLIENT_SECRET", portalClientSecret);
            KeycloakServer server = new KeycloakServer(builder.start(), URI.create("http://127.0.0.1:" + httpPort),
                    adminPassword, portalClientSecret, log);
            server.awaitRealm();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak from " + home, e);
        }
    }

    /** Keycloak imports every {@code *.json} of {@code data/import} at start; only ours may be there. */
    private static void importRealm(Path home, Path realmDirectory) throws IOException {
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        try (var stale = Files.list(imports)) {
            for (Path file : stale.toList()) {
                Files.delete(file);
            }
        }
        for (String file : IMPORTED) {
            Path source = realmDirectory.resolve(file);
            Files.copy(source, imports.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void awaitRealm() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        try {
            while (status(http, discovery) != 200) {
                if (process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw failure("exited with code " + process.exitValue());
                }
                if (System.nanoTime() - deadline > 0) {
                    throw failure("did not serve " + discovery + " within " + STARTUP_TIMEOUT.toSeconds() + " s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("start interrupted");
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private static int status(HttpClient http, URI uri) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYetListening) {
            return -1;
        }
    }

    private IllegalStateException failure(String reason) {
        return new IllegalStateException("Keycloak (pid " + process.pid() + ") " + reason + "; its log, " + log + ", ends:"
                + System.lineSeparator() + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Stops Keycloak (kc.sh forwards the TERM to its JVM), forcibly after 20 s. */
    void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Where Keycloak answers HTTP. */
    URI base() {
        return base;
    }

    /** The realm's issuer: what the services are configured with and what the tokens' {@code iss} says. */
    URI issuer() {
        return URI.create(base + "/realms/" + REALM);
    }

    String adminPassword() {
        return adminPassword;
    }

    String portalClientSecret() {
        return portalClientSecret;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (the module's surefire configuration sets it)");
        }
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
