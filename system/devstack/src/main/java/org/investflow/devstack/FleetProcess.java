package org.investflow.devstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The four services in a child JVM ({@link FleetServer}) on this JVM's classpath: for tests that kill the
 * services' process outright and start it again on the same ports, Kafka broker and database.
 */
public final class FleetProcess extends CrashableProcess {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final int portOffset;

    private FleetProcess(Process process, int portOffset) {
        super(process);
        this.portOffset = portOffset;
    }

    /**
     * Starts the services and waits until each answers its readiness probe.
     *
     * @param kafka      the broker's bootstrap address
     * @param mongo      host:port of the database
     * @param portOffset added to each service's local-stack port (8081…8084)
     * @param settings   further settings for every service
     * @param logFile    where the services' output goes (appended)
     */
    public static FleetProcess start(String kafka, String mongo, int portOffset, Map<String, Object> settings, Path logFile) {
        return launch(kafka, mongo, portOffset, settings, logFile).awaitReady();
    }

    /** As {@link #start} without waiting: several instances then start side by side; {@link #awaitReady} before use. */
    public static FleetProcess launch(String kafka, String mongo, int portOffset, Map<String, Object> settings, Path logFile) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FleetServer.class.getName(),
                "--" + FleetServer.KAFKA + "=" + kafka, "--" + FleetServer.MONGO + "=" + mongo,
                "--" + FleetServer.PORT_OFFSET + "=" + portOffset));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            return new FleetProcess(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(logFile.toFile())).start(), portOffset);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the services: " + e.getMessage(), e);
        }
    }

    /** Waits until every service answers its readiness probe; fails at once if the process exits. */
    public FleetProcess awaitReady() {
        baseUris().values().forEach(base -> HttpChildProcess.awaitAnswering(process, "services' JVM",
                base.resolve("/actuator/health/readiness"), STARTUP_TIMEOUT, Duration.ofMillis(250)));
        return this;
    }

    /** Where each service answers HTTP. */
    public Map<Service, URI> baseUris() {
        Map<Service, URI> uris = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            uris.put(service, URI.create("http://127.0.0.1:" + (service.localPort() + portOffset)));
        }
        return uris;
    }

}
