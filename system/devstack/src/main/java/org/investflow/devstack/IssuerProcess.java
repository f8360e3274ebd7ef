package org.investflow.devstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The local OAuth2/OIDC issuer (system/identity, Spring Authorization Server) as a child JVM from
 * its executable jar. It is a servlet application; keeping it out of the services' JVM keeps its web
 * stack and security configuration out of theirs.
 */
public final class IssuerProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final URI issuer;

    private IssuerProcess(Process process, URI issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    /** Starts the issuer on {@code port}; call {@link #awaitReady()} before handing out its URI. */
    public static IssuerProcess launch(Path jar, int port, Path logFile) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("issuer jar " + jar.toAbsolutePath() + " not found: build system/identity first");
        }
        URI issuer = URI.create("http://127.0.0.1:" + port);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--investflow.identity.issuer=" + issuer);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Redirect.to(logFile.toFile())).start();
            return new IssuerProcess(process, issuer);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the issuer: " + e.getMessage(), e);
        }
    }

    /** Waits until the issuer's discovery document answers; fails early if the process dies. */
    public IssuerProcess awaitReady() {
        HttpChildProcess.awaitAnswering(process, "issuer", issuer.resolve("/.well-known/openid-configuration"), STARTUP_TIMEOUT, Duration.ofMillis(200));
        return this;
    }

    public URI issuer() {
        return issuer;
    }

    @Override
    public void close() {
        HttpChildProcess.stop(process);
    }
}
