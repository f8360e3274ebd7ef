package org.investflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.platform.testkit.TopicProbe;
import org.investflow.signing.events.SigningEvents;
import org.investflow.tracking.events.TrackingEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * All four services in this JVM on one real Kafka broker and one MongoDB-wire server, with the local
 * OAuth2 issuer and a real SMTP/IMAP server beside them: demo users log in, and one case is driven
 * over HTTP with their tokens from intention to LANDED, every hop crossing Kafka as CloudEvents; the
 * signers sign through the links and codes mailed to them and the sealed contract verifies.
 */
class PipelineEndToEndTest {

    static IssuerProcess issuer;
    static MailServer mail;
    static ServiceFleet fleet;

    @BeforeAll
    static void startTheSystem() throws IOException {
        issuer = IssuerProcess.launch(Path.of(System.getProperty("identity.jar")), freePort(),
                Path.of("target", "e2e-issuer.log")).awaitReady();
        mail = MailServer.start(0, 0);
        Map<String, Object> settings = new HashMap<>(Map.of("spring.main.banner-mode", "off",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer().toString(),
                "investflow.signing.workflow.mail-interval", "PT0.2S"));
        settings.putAll(mail.senderSettings());
        fleet = ServiceFleet.start(SharedInfrastructure.bootstrapServers(), SharedInfrastructure.mongoAddress(), port -> 0, settings);
    }

    @AfterAll
    static void stopTheSystem() {
        fleet.close();
        mail.close();
        issuer.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aCaseTravelsFromIntentionToLandedAndTheFunnelCountsIt() {
        // real demo users, logged in at the local issuer through the authorization-code flow
        CaseJourney journey = new CaseJourney(fleet.baseUris(), new DemoTokens(issuer.issuer()), "investor-de-1",
                "officer-li", mail.mailbox(), line -> { });
        long landedBefore = reached(journey.funnel(), "LANDED");

        String caseId = journey.run();

        assertThat(reached(journey.funnel(), "LANDED")).isEqualTo(landedBefore + 1);
        assertThat(typesOn(IntakeEvents.TOPIC, caseId, IntakeEvents.INTENTION_ACCEPTED))
                .containsExactly(IntakeEvents.INTENTION_SUBMITTED, IntakeEvents.INTENTION_SCREENED,
                        IntakeEvents.INTENTION_ACCEPTED);
        assertThat(typesOn(NegotiationEvents.TOPIC, caseId, NegotiationEvents.AGREEMENT_REACHED))
                .startsWith(NegotiationEvents.NEGOTIATION_OPENED).endsWith(NegotiationEvents.AGREEMENT_REACHED)
                .containsSubsequence(NegotiationEvents.TERMS_PROPOSED, NegotiationEvents.TERMS_PROPOSED,
                        NegotiationEvents.APPROVAL_REQUESTED, NegotiationEvents.APPROVAL_DECIDED)
                .filteredOn(NegotiationEvents.TERMS_PROPOSED::equals).hasSize(3);
        assertThat(journey.stepMillis()).containsKey("anyone verifies the sealed contract");
        assertThat(typesOn(SigningEvents.TOPIC, caseId, SigningEvents.CONTRACT_EXECUTED))
                .containsExactly(SigningEvents.CONTRACT_DRAFTED, SigningEvents.ENVELOPE_SENT,
                        SigningEvents.SIGNER_VIEWED, SigningEvents.SIGNATURE_RECORDED,
                        SigningEvents.SIGNER_VIEWED, SigningEvents.SIGNATURE_RECORDED,
                        SigningEvents.SIGNER_VIEWED, SigningEvents.SIGNATURE_RECORDED, SigningEvents.CONTRACT_EXECUTED);
        assertThat(journey.stepMillis()).containsKey("district representative signs by mailed link");
        assertThat(typesOn(TrackingEvents.TOPIC, caseId, TrackingEvents.PROJECT_LANDED))
                .startsWith(TrackingEvents.PROJECT_STARTED).endsWith(TrackingEvents.PROJECT_LANDED)
                .filteredOn(TrackingEvents.MILESTONE_RECORDED::equals).hasSize(3);
    }

    private static List<String> typesOn(String topic, String caseId, String last) {
        try (TopicProbe probe = TopicProbe.of(topic)) {
            probe.await(caseId, last);
            return probe.seenFor(caseId).stream().map(PipelineEndToEndTest::type).toList();
        }
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return TopicProbe.header(record, "ce_type");
    }

    private static long reached(JsonNode funnel, String stage) {
        for (JsonNode entry : funnel.path("stages")) {
            if (stage.equals(entry.path("stage").asText())) {
                return entry.path("reached").asLong();
            }
        }
        throw new AssertionError("the funnel has no stage " + stage + ": " + funnel);
    }
}
