package org.investflow.platform.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.springframework.util.FileSystemUtils;

/**
 * Compose's Kafka broker run for real, on this machine: {@code deploy/kafka/kafka-start.sh} with the
 * kafka service's environment from docker-compose.yml, credentials interpolated from test values, ports
 * moved to free ones and {@code KAFKA_HOME} pointing at shims that run the Kafka of the test classpath.
 * So the script, the listener and SASL settings, the authorizer and the SCRAM users at format time are
 * all exercised as compose would run them; only the image is missing.
 */
final class ComposeKafkaBroker implements AutoCloseable {

    private final Process process;
    private final Path home;
    private final int port;
    private final Map<String, String> passwords;

    private ComposeKafkaBroker(Process process, Path home, int port, Map<String, String> passwords) {
        this.process = process;
        this.home = home;
        this.port = port;
        this.passwords = passwords;
    }

    /** Starts the broker of {@code compose}'s service {@code kafka}; every interpolated variable gets {@code <name>-secret}. */
    static ComposeKafkaBroker start(ComposeFile compose, String kafka) throws IOException {
        Path home = Files.createTempDirectory("investflow-compose-kafka");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("config"));
        Path classpath = home.resolve("classpath.args");
        Files.writeString(classpath, "-cp\n\"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        shim(home.resolve("bin/kafka-storage.sh"), java + " @" + classpath + " kafka.tools.StorageTool \"$@\"");
        shim(home.resolve("bin/kafka-server-start.sh"), java + " -Xmx384m @" + classpath + " kafka.Kafka \"$@\"");

        int port = freePort();
        int controllerPort = freePort();
        Map<String, String> environment = new HashMap<>();
        compose.environment(kafka).forEach((name, value) -> environment.put(name, interpolate(value)
                .replace("kafka:9092", "localhost:" + port)
                .replace(":9092", ":" + port)
                .replace(":9093", ":" + controllerPort)));
        environment.put("KAFKA_LOG_DIRS", home.resolve("data").toString());
        environment.put("KAFKA_HOME", home.toString());
        environment.put("PATH", System.getenv("PATH"));

        ProcessBuilder builder = new ProcessBuilder("bash", Repository.file(KafkaSecurityTest.START_SCRIPT).toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("broker.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Map<String, String> passwords = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(KafkaSecurityTest.SCRAM_PASSWORD_PREFIX)) {
                passwords.put(name.substring(KafkaSecurityTest.SCRAM_PASSWORD_PREFIX.length()).toLowerCase().replace('_', '-'), value);
            }
        });
        ComposeKafkaBroker broker = new ComposeKafkaBroker(builder.start(), home, port, passwords);
        broker.awaitReady();
        return broker;
    }

    /** Client settings logging in as {@code user} with the password the broker was given for it (or {@code password}). */
    Map<String, Object> login(String user, String password) {
        return Map.of(
                "bootstrap.servers", "localhost:" + port,
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", KafkaSecurityTest.MECHANISM,
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                        + "\" password=\"" + password + "\";");
    }

    Map<String, Object> login(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new AssertionError("the broker has no SCRAM user " + user + ": " + passwords.keySet());
        }
        return login(user, password);
    }

    String log() {
        try {
            return Files.readString(home.resolve("broker.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the broker and removes its data directory and shims. */
    @Override
    public void close() throws InterruptedException, IOException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        FileSystemUtils.deleteRecursively(home);
    }

    private void awaitReady() {
        Awaitility.await("compose's broker ready on port " + port).atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("broker exited: " + log());
                    }
                    Map<String, Object> settings = new HashMap<>(login(KafkaSecurityTest.ADMIN));
                    settings.put("default.api.timeout.ms", 5000);
                    settings.put("request.timeout.ms", 5000);
                    try (Admin admin = Admin.create(settings)) {
                        return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
                    }
                });
    }

    private static String interpolate(String value) {
        Matcher variable = ComposeFile.INTERPOLATION.matcher(value);
        return variable.replaceAll(match -> Matcher.quoteReplacement(match.group(1).toLowerCase() + "-secret"));
    }

    private static void shim(Path file, String command) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\nexec " + command + "\n", StandardCharsets.UTF_8);
        file.toFile().setExecutable(true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
