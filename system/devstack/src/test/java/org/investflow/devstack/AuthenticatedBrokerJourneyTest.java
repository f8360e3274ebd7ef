package org.investflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.investflow.platform.testkit.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four services as the local stack runs them since its broker authenticates: each logs in to Kafka with
 * its own SCRAM user and gets only the ACLs derived from its topics, and a case still travels from intention
 * to LANDED (every service writes its topic, reads what it consumes, in its own groups). What they may not do
 * is {@link LocalBrokerAuthorizationTest}'s.
 */
class AuthenticatedBrokerJourneyTest {

    private static final Path CLASSPATH_FILE = Path.of(
            System.getProperty("kafka.classpath.file", "../kafka-broker/target/kafka-classpath.txt"));

    @TempDir
    static Path dataDir;
    static KafkaBrokerProcess kafka;
    static IssuerProcess issuer;
    static MailServer mail;
    static ServiceFleet fleet;

    @BeforeAll
    static void startTheSystemOnAnAuthenticatingBroker() throws IOException {
        List<KafkaAccess> accesses = Stream.of(Service.values()).map(KafkaAccess::of).toList();
        kafka = KafkaBrokerProcess.startWithAuthentication(dataDir.resolve("kafka"), freePort(), freePort(), CLASSPATH_FILE,
                accesses.stream().map(KafkaAccess::principal).toList());
        kafka.grant(accesses, 3);
        issuer = IssuerProcess.launch(Path.of(System.getProperty("identity.jar")), freePort(), dataDir.resolve("issuer.log")).awaitReady();
        mail = MailServer.start(0, 0);
        Map<String, Object> settings = new HashMap<>(Map.of("spring.main.banner-mode", "off",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer().toString(),
                "investflow.signing.workflow.mail-interval", "PT0.2S"));
        settings.putAll(mail.senderSettings());
        fleet = ServiceFleet.start(kafka.bootstrapServers(), SharedInfrastructure.mongoAddress(), port -> 0, settings,
                service -> kafka.springLogin(service.serviceName()));
    }

    @AfterAll
    static void stopTheSystem() {
        Stream.<AutoCloseable>of(fleet, mail, issuer, kafka).filter(java.util.Objects::nonNull).forEach(part -> {
            try {
                part.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aCaseTravelsFromIntentionToLandedWithEachServiceOnItsOwnCredentials() {
        CaseJourney journey = new CaseJourney(fleet.baseUris(), new DemoTokens(issuer.issuer()), "investor-de-1", "officer-li",
                mail.mailbox(), line -> { });
        long landedBefore = landed(journey);

        String caseId = journey.run();

        assertThat(caseId).isNotBlank();
        assertThat(landed(journey)).isEqualTo(landedBefore + 1);
    }

    private static long landed(CaseJourney journey) {
        for (var stage : journey.funnel().path("stages")) {
            if ("LANDED".equals(stage.path("stage").asString())) {
                return stage.path("reached").asLong();
            }
        }
        throw new AssertionError("no LANDED stage in " + journey.funnel());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
