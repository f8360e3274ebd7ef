package org.investflow.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.investflow.identity.DemoLogin;
import org.investflow.identity.DemoUsers;

/**
 * The whole system on one machine with no Docker: a real Kafka broker (child process), the
 * MongoDB-wire server persisting to an H2 file (child process; it acknowledges a write once it is on disk), a real SMTP + IMAP server (GreenMail) for
 * e-signature's mails, the local commission CA with its seal and time-stamping authority ({@link LocalCommission}), the four services in this JVM on their fixed ports and the portal (a child JVM) on
 * {@value #PORTAL_PORT}. Data lives in {@code .devstack/} and survives restarts; {@code --reset} wipes it first.
 * Ctrl-C stops everything in reverse order.
 */
public final class LocalStack {

    private static final int MONGO_PORT = 27017;
    /** As the services create their topics (investflow.messaging.partitions) and compose's kafka-init. */
    private static final int TOPIC_PARTITIONS = 3;
    private static final int KAFKA_PORT = 9092;
    private static final int CONTROLLER_PORT = 9093;
    private static final int ISSUER_PORT = 9000;
    /** Where the portal answers on the local stack; {@code ./investflow demo} prints links to it. */
    static final int PORTAL_PORT = 8085;
    static final int SMTP_PORT = 3025;
    static final int IMAP_PORT = 3143;

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("investflow.home", ".devstack")).toAbsolutePath();
        if (Stream.of(args).anyMatch("--reset"::equals)) {
            wipe(home);
        }
        Files.createDirectories(home);
        long started = System.nanoTime();
        DatabaseProcess mongo = DatabaseProcess.start(home.resolve("mongo.mv"), MONGO_PORT, home.resolve("mongo.log"));
        MailServer mail = MailServer.start(SMTP_PORT, IMAP_PORT);
        IssuerProcess issuer = IssuerProcess.launch(Path.of(System.getProperty("identity.jar",
                "system/identity/target/platform-identity-0.1.0-SNAPSHOT-exec.jar")), ISSUER_PORT, home.resolve("issuer.log"));
        KafkaBrokerProcess kafka;
        try {
            kafka = authenticatingBroker(home.resolve("kafka"));
        } catch (RuntimeException e) {
            // else the database, mail and issuer keep their ports and this JVM does not end
            issuer.close();
            mail.close();
            mongo.close();
            throw e;
        }
        kafka.handOverShutdown();
        issuer.awaitReady();
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                "spring.main.banner-mode", "off", "spring.main.log-startup-info", "false",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer().toString(),
                // after an unclean stop, stale group members block the next start only this long
                "spring.kafka.consumer.properties.session.timeout.ms", "10000",
                "investflow.signing.workflow.mail-interval", "PT0.5S"));
        settings.putAll(mail.senderSettings());
        // the mailed signing links open the portal's signer pages
        settings.put("investflow.signing.workflow.link-base-url", "http://127.0.0.1:" + PORTAL_PORT + "/sign#token=");
        // a child JVM that starts while the services do; it needs only the issuer, and the services' fixed ports
        PortalProcess portal = PortalProcess.launch(Path.of(System.getProperty("portal.jar",
                        "services/portal/target/portal-service-0.1.0-SNAPSHOT-exec.jar")), PORTAL_PORT, issuer.issuer(),
                PortalProcess.routesTo(service -> URI.create("http://127.0.0.1:" + service.localPort())),
                "mongodb://127.0.0.1:" + MONGO_PORT + "/investflow_portal", home.resolve("portal.log"));
        LocalCommission.Running commission = LocalCommission.start(home.resolve("seal"), LocalCommission.TSA_PORT, Clock.systemUTC());
        settings.putAll(commission.settings());
        ServiceFleet fleet;
        try {
            fleet = ServiceFleet.start(kafka.bootstrapServers(), "127.0.0.1:" + MONGO_PORT, port -> port, settings,
                    service -> kafka.springLogin(service.serviceName()));
        } catch (RuntimeException e) {
            portal.close();
            commission.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(portal, fleet, issuer, kafka, mail, mongo);
            commission.close();
        }, "investflow-stop"));
        fleet.awaitReady(Duration.ofSeconds(60));
        portal.awaitReady();
        report(fleet, issuer, portal, home, Duration.ofNanos(System.nanoTime() - started));
        new CountDownLatch(1).await();
    }

    private static void report(ServiceFleet fleet, IssuerProcess issuer, PortalProcess portal, Path home, Duration took) {
        StringBuilder out = new StringBuilder("\nInvestFlow local stack is up in ")
                .append(took.toMillis() / 1000.0).append(" s\n");
        out.append(String.format("  %-18s %s%n", "kafka", "127.0.0.1:" + KAFKA_PORT + "  (SASL_PLAINTEXT, SCRAM-SHA-512: admin and one user"
                + " per service, passwords in " + home.resolve("kafka/credentials.properties") + ")"));
        out.append(String.format("  %-18s %s%n", "mongodb", "mongodb://127.0.0.1:" + MONGO_PORT));
        out.append(String.format("  %-18s %s%n", "mail (GreenMail)", "smtp 127.0.0.1:" + SMTP_PORT + ", imap 127.0.0.1:" + IMAP_PORT
                + "  (user and password: the signer's address, e.g. investor-de-1@users.investflow.local)"));
        out.append(String.format("  %-18s %s  (demo users, password 'demo': see system/identity/README.md)%n",
                "issuer (OIDC)", issuer.issuer()));
        fleet.baseUris().forEach((service, uri) -> out.append(String.format("  %-18s %s  (health %s/actuator/health, metrics %s/actuator/prometheus)%n",
                service.serviceName(), uri, uri, uri)));
        out.append(String.format("  %-18s %s  (log %s)%n", "portal", portal.baseUri() + "/", home.resolve("portal.log")));
        out.append(String.format("  %-18s %s  (RFC 3161; the local commission CA: %s)%n", "time-stamping",
                "http://127.0.0.1:" + LocalCommission.TSA_PORT + "/tsa", home.resolve("seal").resolve("commission-ca.pem")));
        out.append("\nOpen the portal at ").append(portal.baseUri()).append("/ and sign in as one of the demo users (password '")
                .append(DemoLogin.DEMO_PASSWORD).append("'):\n");
        DemoUsers.all().forEach(user -> out.append(String.format("  %-14s %s%s%n", user.username(), String.join(",", user.roles()),
                user.country().map(country -> "  (investor from " + country + ")").orElse(""))));
        out.append("\n  data in ").append(home).append("  (./investflow reset wipes it)\n");
        out.append("Try the demo in another terminal: ./investflow demo   —   a token: ./investflow token investor-de-1\n");
        out.append("Ctrl-C stops everything.\n");
        System.out.println(out);
    }

    private static void stop(PortalProcess portal, ServiceFleet fleet, IssuerProcess issuer, KafkaBrokerProcess kafka, MailServer mail,
                             DatabaseProcess mongo) {
        System.out.println("Stopping InvestFlow: portal, services, issuer, Kafka, mail, MongoDB ...");
        portal.close();
        fleet.close();
        issuer.close();
        kafka.close();
        mail.close();
        mongo.close();
        System.out.println("Stopped.");
    }

    /**
     * The broker as compose runs it: SASL/SCRAM, one user per service, ACLs derived from each service's topics.
     * Kafka data from before (formatted without authentication, which cannot gain SCRAM users) is recreated:
     * the services' state lives in MongoDB, their relays have published what they had to.
     */
    private static KafkaBrokerProcess authenticatingBroker(Path dataDir) throws IOException {
        if (Files.isRegularFile(dataDir.resolve("logs/meta.properties")) && !Files.isRegularFile(dataDir.resolve("credentials.properties"))) {
            System.out.println("Kafka data in " + dataDir + " predates the broker's authentication: recreating it");
            wipe(dataDir);
        }
        List<KafkaAccess> accesses = Stream.of(Service.values()).map(KafkaAccess::of).toList();
        KafkaBrokerProcess kafka = KafkaBrokerProcess.startWithAuthentication(dataDir, KAFKA_PORT, CONTROLLER_PORT,
                Path.of(System.getProperty("kafka.classpath.file", "system/kafka-broker/target/kafka-classpath.txt")),
                accesses.stream().map(KafkaAccess::principal).toList());
        try {
            kafka.grant(accesses, TOPIC_PARTITIONS);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    private static void wipe(Path home) throws IOException {
        if (Files.exists(home)) {
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

}
