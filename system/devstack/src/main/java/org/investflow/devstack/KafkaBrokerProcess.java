package org.investflow.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

/**
 * A real Apache Kafka broker for the local stack: one node in KRaft combined mode (broker and
 * controller), running as a child JVM on the classpath that {@code platform-kafka-broker} writes,
 * with its data in a directory that survives restarts.
 *
 * <p>{@link #start} formats the storage the first time a data directory is used, launches
 * {@code kafka.Kafka} with its output in {@code <dataDir>/broker.log}, and returns once the broker
 * answers an Admin {@code describeCluster}. {@link #close} stops it gracefully.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final List<String> BROKER_HEAP = List.of("-Xms128m", "-Xmx512m");
    private static final List<String> TOOL_HEAP = List.of("-Xmx256m");
    private static final int LOG_TAIL_LINES = 40;
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final BrokerSettings settings;
    private final Thread shutdownHook;

    private KafkaBrokerProcess(Process process, BrokerSettings settings) {
        this.process = process;
        this.settings = settings;
        this.shutdownHook = new Thread(process::destroy, "kafka-broker-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the broker and waits until it serves requests.
     *
     * @param dataDir where {@code server.properties}, the logs and the topic data live; reused if already formatted
     * @param brokerPort the PLAINTEXT listener port on 127.0.0.1
     * @param controllerPort the KRaft controller listener port on 127.0.0.1
     * @param classpathFile {@code system/kafka-broker/target/kafka-classpath.txt}
     * @return the running broker
     * @throws KafkaBrokerStartException if a port is taken, formatting fails, or the broker dies or is not ready in 60 s
     */
    public static KafkaBrokerProcess start(Path dataDir, int brokerPort, int controllerPort, Path classpathFile) {
        return start(new BrokerSettings(dataDir.toAbsolutePath(), brokerPort, controllerPort), classpathFile);
    }

    /**
     * Starts the broker as compose runs its own: clients log in with SASL/SCRAM-SHA-512 as one of {@code users}
     * (or admin), and may do only what ACLs allow ({@link #grant}). The passwords are generated once and kept in
     * the data directory ({@link BrokerCredentials}); the users are created when the storage is formatted.
     *
     * @throws KafkaBrokerStartException also if {@code dataDir} holds a broker formatted without authentication
     *                                   (its SCRAM users cannot be added afterwards: reset the data)
     */
    public static KafkaBrokerProcess startWithAuthentication(Path dataDir, int brokerPort, int controllerPort, Path classpathFile,
                                                             Collection<String> users) {
        Path directory = dataDir.toAbsolutePath();
        BrokerSettings unauthenticated = new BrokerSettings(directory, brokerPort, controllerPort);
        if (unauthenticated.isFormatted() && !BrokerCredentials.storedIn(directory)) {
            throw new KafkaBrokerStartException("The Kafka data in " + directory + " was formatted without authentication, and a"
                    + " KRaft broker creates its SCRAM users only when formatting: delete that directory (./investflow reset)");
        }
        return start(new BrokerSettings(directory, brokerPort, controllerPort, BrokerCredentials.loadOrCreate(directory, users)),
                classpathFile);
    }

    private static KafkaBrokerProcess start(BrokerSettings settings, Path classpathFile) {
        Path dataDir = settings.dataDir();
        try {
            return launch(settings, classpathFile);
        } catch (IOException e) {
            throw new KafkaBrokerStartException("Could not start the Kafka broker in " + dataDir + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaBrokerStartException("Interrupted while starting the Kafka broker in " + dataDir, e);
        }
    }

    private static KafkaBrokerProcess launch(BrokerSettings settings, Path classpathFile)
            throws IOException, InterruptedException {
        requireFree(settings.brokerPort());
        requireFree(settings.controllerPort());
        settings.writeProperties();
        StorageFormat.ensureFormatted(settings, ChildJvm.onKafkaClasspath(classpathFile, TOOL_HEAP));
        Process process = ChildJvm.onKafkaClasspath(classpathFile, BROKER_HEAP)
                .start(settings.dataDir(), settings.brokerLog(), "kafka.Kafka", settings.propertiesFile().toString());
        KafkaBrokerProcess broker = new KafkaBrokerProcess(process, settings);
        broker.awaitReadyOrStop();
        return broker;
    }

    /**
     * The address clients connect to.
     *
     * @return {@code 127.0.0.1:<brokerPort>}
     */
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    /**
     * The operating-system id of the broker's JVM.
     *
     * @return the child process id
     */
    public long pid() {
        return process.pid();
    }

    /**
     * For callers that stop the broker themselves in their own shutdown sequence: removes the
     * safety-net hook, which would otherwise kill the broker while its clients are still closing
     * (JVM shutdown hooks run concurrently), leaving consumer-group members behind that stall the
     * next start's rebalance until their session times out.
     */
    public void handOverShutdown() {
        removeShutdownHook();
    }

    /** Kills the broker with SIGKILL, as a crash would; returns once it is gone. */
    public void kill() {
        HttpChildProcess.kill(process);
        removeShutdownHook();
    }

    /** Stops the broker gracefully (controlled shutdown), forcibly if it takes longer than 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        removeShutdownHook();
    }

    /**
     * The controller commits ACLs before the broker's authorizer has replayed them; the broker describes ACLs
     * from that authorizer, so once it lists them all, it applies them.
     */
    private static void awaitAuthorizer(Admin admin, List<AclBinding> acls)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (!admin.describeAcls(AclBindingFilter.ANY).values().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).containsAll(acls)) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("the broker did not apply the ACLs within " + ADMIN_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private void awaitReadyOrStop() throws InterruptedException {
        try {
            awaitReady();
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(readinessClientConfig())) {
            while (!answers(admin)) {
                if (process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw failure("exited with code " + process.exitValue());
                }
                if (System.nanoTime() - deadline > 0) {
                    throw failure("was not ready within " + STARTUP_TIMEOUT.toSeconds() + " s");
                }
            }
        }
    }

    private static boolean answers(Admin admin) throws InterruptedException {
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(1_000)).nodes().get().isEmpty();
        } catch (ExecutionException e) {
            return false;
        }
    }

    private Map<String, Object> readinessClientConfig() {
        Map<String, Object> config = new HashMap<>(adminProperties());
        config.putAll(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "devstack-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
        return config;
    }

    /** Client settings of the admin: the bootstrap address and, on an authenticating broker, admin's login. */
    public Map<String, Object> adminProperties() {
        return clientProperties(BrokerCredentials.ADMIN);
    }

    /**
     * Client settings (bootstrap address, and on an authenticating broker the SASL login) of {@code user}.
     *
     * @param user a user named at {@link #startWithAuthentication}, or admin; ignored by a broker without authentication
     */
    public Map<String, Object> clientProperties(String user) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (settings.credentials() != null) {
            config.putAll(settings.credentials().clientProperties(user));
        }
        return config;
    }

    /** {@code user}'s login ({@link #clientProperties} but the address) as Spring Boot's {@code spring.kafka.properties.*}. */
    public Map<String, Object> springLogin(String user) {
        Map<String, Object> login = new HashMap<>();
        clientProperties(user).forEach((key, value) -> {
            if (!AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG.equals(key)) {
                login.put("spring.kafka.properties." + key, value);
            }
        });
        return login;
    }

    /**
     * As admin, creates every topic the {@code accesses} name (if missing, {@code partitions} each) and the ACLs
     * that allow each principal exactly its access, as compose's kafka-init does; both are idempotent.
     */
    public void grant(Collection<KafkaAccess> accesses, int partitions) {
        Set<String> topics = new TreeSet<>();
        accesses.forEach(access -> topics.addAll(access.topics()));
        try (Admin admin = Admin.create(adminProperties())) {
            Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, (short) 1)).toList();
            admin.createTopics(missing).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<AclBinding> acls = KafkaAccess.acls(accesses);
            admin.createAcls(acls).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            awaitAuthorizer(admin, acls);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaBrokerStartException("Could not create the topics and ACLs on " + bootstrapServers() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaBrokerStartException("Interrupted while creating the topics and ACLs on " + bootstrapServers(), e);
        }
    }

    private KafkaBrokerStartException failure(String reason) {
        return new KafkaBrokerStartException("Kafka broker on " + bootstrapServers() + " (pid " + pid() + ") " + reason
                + System.lineSeparator() + LogTail.of(settings.brokerLog(), LOG_TAIL_LINES));
    }

    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.getLocalPort();
        } catch (IOException e) {
            throw new KafkaBrokerStartException("Port 127.0.0.1:" + port + " is already in use; is another broker running?", e);
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // the JVM is exiting; the hook itself stops the broker
        }
    }
}
