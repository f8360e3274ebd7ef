package org.investflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import org.investflow.devstack.DemoTokens;
import org.investflow.devstack.IssuerProcess;
import org.investflow.devstack.KafkaBrokerProcess;
import org.investflow.devstack.Service;
import org.investflow.devstack.MailServer;
import org.investflow.devstack.ServiceFleet;
import org.investflow.devstack.SignerMailbox;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The system under test, as the local stack runs it but on free ports and fresh data: a real Kafka
 * broker (child JVM, the local stack's settings), the local OAuth2 issuer (child JVM), the
 * MongoDB-wire server in memory, a real SMTP/IMAP server (GreenMail) for e-signature's links and codes,
 * the four services in this JVM, and a bare WebFlux app beside them.
 * The benchmark raises only the per-investor rate limit, which would otherwise cap the intake
 * measurement at 20 requests per second, and intake's overload limit back to the platform's 64 in flight (its own
 * 16 would shed some of the pipeline phase's 32 journeys at a time: the benchmark measures capacity, not shedding).
 */
final class Rig implements AutoCloseable {

    private final MemoryBackend backend = new MemoryBackend();
    private final DatabaseCommands commands = new DatabaseCommands();
    private final MongoServer mongo = new MongoServer(commands.counting(backend));
    private InetSocketAddress mongoAddress;
    private KafkaBrokerProcess kafka;
    private IssuerProcess issuer;
    private ServiceFleet fleet;
    private MailServer mail;
    private ConfigurableApplicationContext bare;
    private DemoTokens tokens;
    private boolean closed;

    private Rig() {
    }

    /** Starts everything; on failure stops what already runs. */
    static Rig start(Path workDir, Path kafkaClasspath, Path issuerJar) {
        Rig rig = new Rig();
        try {
            rig.boot(workDir, kafkaClasspath, issuerJar);
            return rig;
        } catch (RuntimeException e) {
            rig.close();
            throw e;
        }
    }

    private void boot(Path workDir, Path kafkaClasspath, Path issuerJar) {
        mongoAddress = mongo.bind();
        issuer = IssuerProcess.launch(issuerJar, freePort(), workDir.resolve("issuer.log"));
        kafka = KafkaBrokerProcess.start(fresh(workDir.resolve("kafka")), freePort(), freePort(), kafkaClasspath);
        issuer.awaitReady();
        mail = MailServer.start(0, 0);
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                "spring.main.banner-mode", "off", "spring.main.log-startup-info", "false",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer().toString(),
                "investflow.web.investor-requests", "1000000", "logging.config", Benchmarks.LOGGING,
                "investflow.signing.workflow.mail-interval", "PT0.1S", "investflow.web.overload.max-in-flight", "64"));
        settings.putAll(mail.senderSettings());
        fleet = ServiceFleet.start(kafka.bootstrapServers(), mongoAddress(), port -> 0, settings);
        fleet.awaitReady(Duration.ofSeconds(90));
        bare = BareWebFlux.start();
        tokens = new DemoTokens(issuer.issuer());
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    String mongoAddress() {
        return "127.0.0.1:" + mongoAddress.getPort();
    }

    /** The commands the database server received, by database and command. */
    DatabaseCommands databaseCommands() {
        return commands;
    }

    /** The database server's storage, for loading large read models without the wire's cost. */
    MemoryBackend backend() {
        return backend;
    }

    Map<Service, URI> services() {
        return fleet.baseUris();
    }

    /** {@code service}'s meters (its own registry, as its {@code /actuator/prometheus} shows them). */
    MeterRegistry meters(Service service) {
        return bean(service, MeterRegistry.class);
    }

    /** {@code service}'s bean of {@code type}. */
    <T> T bean(Service service, Class<T> type) {
        return fleet.bean(service, type);
    }

    URI bareWebFlux() {
        return URI.create("http://127.0.0.1:" + bare.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * Leaves only {@code service} running, started afresh and ready: the others' listeners no longer react
     * to what a phase puts on the topics (see {@link ServiceFleet#stop} for why it restarts).
     */
    void runAlone(Service service) {
        EnumSet.complementOf(EnumSet.of(service)).forEach(fleet::stop);
        fleet.restart(service);
        fleet.awaitReady(Duration.ofSeconds(90));
    }

    /** A bearer token of a demo user, from a real login at the local issuer (cached per user). */
    String token(String user) {
        return tokens.apply(user, null);
    }

    DemoTokens tokens() {
        return tokens;
    }

    /** The signers' mailboxes on the rig's mail server (links and codes from e-signature). */
    SignerMailbox mailbox() {
        return mail.mailbox();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (bare != null) {
            bare.close();
        }
        if (fleet != null) {
            fleet.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (issuer != null) {
            issuer.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        mongo.shutdownNow();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path fresh(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
