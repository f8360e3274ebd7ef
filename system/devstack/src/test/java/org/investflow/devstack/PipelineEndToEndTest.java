package org.investflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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
import tools.jackson.databind.json.JsonMapper;

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
    static DemoTokens tokens;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void startTheSystem() throws IOException {
        issuer = IssuerProcess.launch(Path.of(System.getProperty("identity.jar")), freePort(),
                Path.of("target", "e2e-issuer.log")).awaitReady();
        mail = MailServer.start(0, 0);
        Map<String, Object> settings = new HashMap<>(Map.of("spring.main.banner-mode", "off",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer().toString(),
                "investflow.signing.workflow.mail-interval", "PT0.2S"));
        settings.putAll(mail.senderSettings());
        tokens = new DemoTokens(issuer.issuer());
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

    /** Real demo users, logged in at the local issuer through the authorization-code flow. */
    private static CaseJourney journey() {
        return new CaseJourney(fleet.baseUris(), tokens, "investor-de-1", "officer-li", mail.mailbox(), line -> { });
    }

    @Test
    void aCaseTravelsFromIntentionToLandedAndTheFunnelCountsIt() {
        CaseJourney journey = journey();
        JsonNode funnelBefore = journey.funnel();
        JsonNode figuresBefore = journey.figures();

        String caseId = journey.run();

        JsonNode funnel = journey.funnel();
        for (String stage : List.of("INTENTION", "SCREENED", "NEGOTIATING", "AGREED", "CONTRACTED", "LANDED")) {
            assertThat(reached(funnel, stage)).as("reached " + stage).isEqualTo(reached(funnelBefore, stage) + 1);
        }
        assertThat(stage(funnel, "LANDED").path("conversion").isNumber()).isTrue();
        assertThat(stage(funnel, "LANDED").path("conversion").asDouble()).isEqualTo(
                (double) reached(funnel, "LANDED") / reached(funnel, "CONTRACTED"));
        // the journey agrees on EUR 118,000,000.00 and 420 jobs; the stack reports in CNY at the configured 7.80
        JsonNode figures = journey.figures();
        assertThat(figures.path("contracted").asLong()).isEqualTo(figuresBefore.path("contracted").asLong() + 1);
        assertThat(figures.path("landed").asLong()).isEqualTo(figuresBefore.path("landed").asLong() + 1);
        assertThat(figures.path("capital").path("currency").asText()).isEqualTo("CNY");
        assertThat(figures.path("capital").path("committed").decimalValue()
                .subtract(figuresBefore.path("capital").path("committed").decimalValue()))
                .isEqualByComparingTo(new BigDecimal("920400000.00"));
        assertThat(figures.path("jobs").path("committed").asLong())
                .isEqualTo(figuresBefore.path("jobs").path("committed").asLong() + 420);
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

    @Test
    void aDeclinedContractReopensNegotiationAndTheNewAgreementIsSignedAndCountedOnce() {
        CaseJourney journey = journey().withFirstContractDeclined();
        JsonNode funnelBefore = journey.funnel();
        JsonNode figuresBefore = journey.figures();

        String caseId = journey.run();

        List<ConsumerRecord<String, byte[]>> negotiation = recordsOn(NegotiationEvents.TOPIC, caseId,
                record -> NegotiationEvents.AGREEMENT_REACHED.equals(type(record))
                        && body(record).path("supersedesFingerprint").isString());
        assertThat(negotiation.stream().map(PipelineEndToEndTest::type).toList()).containsSubsequence(
                NegotiationEvents.AGREEMENT_REACHED, NegotiationEvents.NEGOTIATION_REOPENED, NegotiationEvents.AGREEMENT_REACHED);
        List<JsonNode> agreements = negotiation.stream()
                .filter(record -> NegotiationEvents.AGREEMENT_REACHED.equals(type(record))).map(PipelineEndToEndTest::body).toList();
        assertThat(agreements).hasSize(2);
        assertThat(agreements.get(0).path("supersedesFingerprint").isNull()).isTrue();
        assertThat(agreements.get(1).path("supersedesFingerprint").asText())
                .isEqualTo(agreements.get(0).path("termsFingerprint").asText());
        assertThat(typesOn(SigningEvents.TOPIC, caseId, SigningEvents.CONTRACT_EXECUTED))
                .containsSubsequence(SigningEvents.CONTRACT_DRAFTED, SigningEvents.CONTRACT_DECLINED,
                        SigningEvents.CONTRACT_DRAFTED, SigningEvents.CONTRACT_EXECUTED)
                .filteredOn(SigningEvents.CONTRACT_EXECUTED::equals).hasSize(1);
        JsonNode funnel = journey.funnel();
        for (String stage : List.of("AGREED", "CONTRACTED", "LANDED")) {
            assertThat(reached(funnel, stage)).as("reached " + stage).isEqualTo(reached(funnelBefore, stage) + 1);
        }
        JsonNode figures = journey.figures();
        assertThat(figures.path("contracted").asLong()).isEqualTo(figuresBefore.path("contracted").asLong() + 1);
        assertThat(figures.path("capital").path("committed").decimalValue()
                .subtract(figuresBefore.path("capital").path("committed").decimalValue()))
                .isEqualByComparingTo(new BigDecimal("920400000.00"));
    }

    /** The records of {@code caseId} on {@code topic} once one of them matches {@code last}. */
    private static List<ConsumerRecord<String, byte[]>> recordsOn(String topic, String caseId,
                                                                  Predicate<ConsumerRecord<String, byte[]>> last) {
        try (TopicProbe probe = TopicProbe.of(topic)) {
            probe.await(record -> caseId.equals(record.key()) && last.test(record));
            return probe.seenFor(caseId);
        }
    }

    private static JsonNode body(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value());
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
        return stage(funnel, stage).path("reached").asLong();
    }

    private static JsonNode stage(JsonNode funnel, String stage) {
        for (JsonNode entry : funnel.path("stages")) {
            if (stage.equals(entry.path("stage").asText())) {
                return entry;
            }
        }
        throw new AssertionError("the funnel has no stage " + stage + ": " + funnel);
    }
}
