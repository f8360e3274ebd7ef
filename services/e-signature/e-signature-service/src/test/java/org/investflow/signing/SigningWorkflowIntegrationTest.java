package org.investflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.signing.SigningDriver.LINK_CODES;
import static org.investflow.signing.SigningDriver.LINK_SIGNATURES;
import static org.investflow.signing.SigningDriver.LINK_VIEWS;
import static org.investflow.signing.SigningDriver.VOIDS;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.testkit.GoldenEvents;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.platform.testkit.TopicProbe;
import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.events.ContractVoided;
import org.investflow.signing.events.SigningEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signing workflow against the running service, its real SMTP server (GreenMail) and its clock:
 * one-time links and codes, refusals that never say why, decline, void, supersede, a second agreement
 * after a decline, reminders and expiry, and a mail outage that delays an invitation without losing
 * or doubling it.
 */
class SigningWorkflowIntegrationTest extends SigningHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theViewThroughALinkHandsOutTheContractAndRecordsTheSignersViewOnce() {
        String caseId = driver.sentCase("investor-w1", "officer-w1");
        String token = TestMail.awaitLink("investor-w1", caseId);
        String code = driver.code("investor-w1", caseId, token);
        byte[] pdf = driver.link(LINK_VIEWS, Map.of("token", token, "code", code)).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF).expectBody(byte[].class).returnResult().getResponseBody();
        JsonNode envelope = envelope("investor-w1", caseId);
        assertThat(sha256(pdf)).isEqualTo(envelope.path("documentHash").asString());
        assertThat(invalid(driver.link(LINK_VIEWS, Map.of("token", token, "code", code)).expectBody(String.class).returnResult()))
                .as("a second view with the same link").isTrue();
        JsonNode trail = trail(caseId);
        assertThat(trail.path("entries").valueStream().map(entry -> entry.path("action").asString()).toList())
                .containsExactly("SENT", "CODE_SENT", "VIEWED");
        assertThat(trail.path("entries").get(2).path("actorId").asString()).isEqualTo("investor-w1");
        JsonNode viewed = body(driver.signing.await(caseId, SigningEvents.SIGNER_VIEWED));
        assertThat(viewed.path("signerRole").asString()).isEqualTo("INVESTOR_SIGNATORY");
        assertThat(viewed.path("documentHash").asString()).isEqualTo(envelope.path("documentHash").asString());
        assertThat(java.time.Instant.parse(viewed.path("occurredAt").asString()))
                .isEqualTo(java.time.Instant.parse(trail.path("entries").get(2).path("at").asString()));
        assertThat(driver.typesSeenFor(caseId)).containsExactly(SigningEvents.CONTRACT_DRAFTED, SigningEvents.ENVELOPE_SENT,
                SigningEvents.SIGNER_VIEWED);
    }

    @Test
    void forgedReusedAndExpiredLinksAllAnswerTheSameInvalidLink() {
        String caseId = driver.sentCase("investor-w2", "officer-w2");
        String used = TestMail.awaitLink("investor-w2", caseId);
        driver.sign("investor-w2", caseId, "Hans Müller").expectStatus().isOk();
        String forged = "A".repeat(43);

        List<String> answers = List.of(refusal(forged), refusal(used), refusal(used.substring(1)));
        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        assertThat(answers.get(0)).contains("invalid link").doesNotContainIgnoringCase("expired").doesNotContainIgnoringCase("used");

        String expiring = driver.sentCase("investor-w3", "officer-w3");
        String link = TestMail.awaitLink("investor-w3", expiring);
        TestClock.advance(Duration.ofDays(15));
        assertThat(refusal(link)).isEqualTo(answers.get(0));
    }

    @Test
    void aWrongCodeIsRefusedAndCountedAndTheLimitLocksTheLink() {
        String caseId = driver.sentCase("investor-w4", "officer-w4");
        String token = TestMail.awaitLink("investor-w4", caseId);
        String code = driver.code("investor-w4", caseId, token);
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int attempt = 0; attempt < 5; attempt++) {
            driver.link(LINK_SIGNATURES, Map.of("token", token, "code", wrong, "typedName", "Mallory", "consent", true))
                    .expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(invalid(driver.link(LINK_SIGNATURES, Map.of("token", token, "code", code, "typedName", "Hans", "consent", true))
                .expectBody(String.class).returnResult())).as("locked after 5 wrong codes").isTrue();
        assertThat(envelope("investor-w4", caseId).path("status").asString()).isEqualTo("SENT");
    }

    @Test
    void anExpiredCodeIsWrong() {
        String caseId = driver.sentCase("investor-w5", "officer-w5");
        String token = TestMail.awaitLink("investor-w5", caseId);
        String code = driver.code("investor-w5", caseId, token);
        TestClock.advance(Duration.ofMinutes(11));
        driver.link(LINK_SIGNATURES, Map.of("token", token, "code", code, "typedName", "Hans", "consent", true))
                .expectStatus().isForbidden();
    }

    @Test
    void theSignerInTurnDeclinesWithAReasonAndContractDeclinedIsPublished() {
        String caseId = driver.partiallySignedCase("investor-w6", "officer-w6");
        driver.decline("officer-w6", caseId, "The subsidy clause is not approved").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DECLINED");
        JsonNode declined = body(driver.signing.await(caseId, SigningEvents.CONTRACT_DECLINED));
        assertThat(declined.path("signerRole").asString()).isEqualTo("COMMISSION_REPRESENTATIVE");
        assertThat(declined.path("reason").asString()).isEqualTo("The subsidy clause is not approved");
        assertThat(declined.path("actor").path("id").asString()).isEqualTo("officer-w6");
        assertThat(prometheus()).contains("investflow_signing_declines_total{category=\"TERMS\"}");
    }

    @Test
    void aSecondAgreementAfterADeclineSendsANewEnvelope() {
        String caseId = driver.sentCase("investor-w7", "officer-w7");
        driver.decline("investor-w7", caseId, "Wrong legal entity").expectStatus().isOk();
        driver.signing.await(caseId, SigningEvents.CONTRACT_DECLINED);
        agreeAgain(caseId, "investor-w7", "officer-w7", "c".repeat(64));
        awaitSentWith(caseId, "c".repeat(64));
        assertThat(driver.typesSeenFor(caseId)).doesNotContain(SigningEvents.CONTRACT_VOIDED);
        assertThat(envelope("investor-w7", caseId).path("termsFingerprint").asString()).isEqualTo("c".repeat(64));
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), Envelope.class).block()).isEqualTo(2);
        TestMail.awaitLink("investor-w7", caseId, 2);
        driver.sign("investor-w7", caseId, "Hans Müller").expectStatus().isOk();
    }

    @Test
    void theAssignedOfficerVoidsWithAReasonAndTheLinksDie() {
        String caseId = driver.sentCase("investor-w8", "officer-w8");
        String token = TestMail.awaitLink("investor-w8", caseId);
        driver.as("officer-w8", "OFFICER", HttpMethod.POST, VOIDS, caseId).bodyValue(Map.of("reason", "Investor changed entity"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("VOIDED");
        JsonNode voided = body(driver.signing.await(caseId, SigningEvents.CONTRACT_VOIDED));
        assertThat(voided.path("reason").asString()).isEqualTo("Investor changed entity");
        assertThat(voided.path("supersededByFingerprint").isNull()).isTrue();
        assertThat(refusal(token)).contains("invalid link");
        driver.as("officer-w8", "OFFICER", HttpMethod.POST, VOIDS, caseId).bodyValue(Map.of("reason", "again"))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentState").isEqualTo("VOIDED");
    }

    @Test
    void aNewAgreementSupersedesTheOpenEnvelopeAndARedeliveryChangesNothing() {
        String caseId = driver.partiallySignedCase("investor-w9", "officer-w9");
        String newer = "b".repeat(64);
        String eventId = UUID.randomUUID().toString();
        String agreementId = agreeAgain(caseId, "investor-w9", "officer-w9", newer, eventId, null);
        JsonNode voided = body(driver.signing.await(caseId, SigningEvents.CONTRACT_VOIDED));
        assertThat(voided.path("reason").asString()).isEqualTo(ContractVoided.SUPERSEDED);
        assertThat(voided.path("supersededByFingerprint").asString()).isEqualTo(newer);
        awaitSentWith(caseId, newer);
        agreeAgain(caseId, "investor-w9", "officer-w9", newer, eventId, agreementId);
        JsonNode latest = envelope("investor-w9", caseId);
        assertThat(latest.path("termsFingerprint").asString()).isEqualTo(newer);
        assertThat(latest.path("status").asString()).isEqualTo("SENT");
        TestMail.awaitLink("investor-w9", caseId, 2);
        driver.sign("investor-w9", caseId, "Hans Müller").expectStatus().isOk();
        String current = envelope("investor-w9", caseId).path("envelopeId").asString();
        driver.signing.await(record -> caseId.equals(record.key()) && SigningEvents.SIGNATURE_RECORDED.equals(TopicProbe.header(record, "ce_type"))
                && current.equals(body(record).path("envelopeId").asString()));
        assertThat(driver.typesSeenFor(caseId)).containsExactly(SigningEvents.CONTRACT_DRAFTED, SigningEvents.ENVELOPE_SENT,
                SigningEvents.SIGNATURE_RECORDED, SigningEvents.CONTRACT_VOIDED, SigningEvents.CONTRACT_DRAFTED, SigningEvents.ENVELOPE_SENT,
                SigningEvents.SIGNATURE_RECORDED);
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), Envelope.class).block()).isEqualTo(2);
    }

    @Test
    void remindersFollowTheCadenceAndTheDeadlineExpiresTheEnvelope() {
        String caseId = driver.sentCase("investor-w10", "officer-w10");
        TestMail.awaitLink("investor-w10", caseId);
        TestClock.advance(Duration.ofDays(5).plusMinutes(1));
        // the jump makes every open envelope of the shared context due at once: this reminder waits behind theirs in the mail job
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> TestMail.about("investor-w10", caseId).stream()
                .anyMatch(mail -> TestMail.subject(mail).startsWith("Reminder")));
        assertThat(prometheus()).contains("investflow_signing_reminders_sent_total");
        String reminded = TestMail.awaitLink("investor-w10", caseId);
        TestClock.advance(Duration.ofDays(9));
        JsonNode expired = body(driver.signing.await(caseId, SigningEvents.CONTRACT_EXPIRED));
        assertThat(expired.path("signerRole").asString()).isEqualTo("INVESTOR_SIGNATORY");
        assertThat(envelope("investor-w10", caseId).path("status").asString()).isEqualTo("EXPIRED");
        assertThat(refusal(reminded)).contains("invalid link");
    }

    @Test
    void aMailOutageDelaysTheInvitationWhichIsThenDeliveredExactlyOnce() {
        TestMail.stop();
        String caseId;
        try {
            caseId = driver.sentCase("investor-w11", "officer-w11");
            Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> pendingMails(caseId) == 1);
        } finally {
            TestMail.restart();
        }
        Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> pendingMails(caseId) == 0);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> TestMail.about("investor-w11", caseId).size() == 1);
        assertThat(TestMail.awaitLink("investor-w11", caseId)).isNotBlank();
        assertThat(prometheus()).contains("investflow_signing_mails_pending", "investflow_signing_envelopes{state=\"SENT\"}",
                "resilience4j_circuitbreaker_state{name=\"smtp\"", "resilience4j_retry_calls_total{kind=\"successful_with_retry\",name=\"smtp\"}");
    }

    private void awaitSentWith(String caseId, String fingerprint) {
        driver.signing.await(record -> caseId.equals(record.key()) && SigningEvents.ENVELOPE_SENT.equals(TopicProbe.header(record, "ce_type"))
                && fingerprint.equals(body(record).path("termsFingerprint").asString()));
    }

    private long pendingMails(String caseId) {
        return mongo.findOne(Query.query(Criteria.where("caseId").is(caseId)), Envelope.class).map(envelope -> envelope.mails().size())
                .defaultIfEmpty(-1).block();
    }

    private String agreeAgain(String caseId, String investor, String officer, String fingerprint) {
        return agreeAgain(caseId, investor, officer, fingerprint, UUID.randomUUID().toString(), null);
    }

    /** Negotiation's golden agreement again for the case, with another agreement id (or the given one) and fingerprint. */
    private String agreeAgain(String caseId, String investor, String officer, String fingerprint, String eventId, String agreementId) {
        String id = agreementId == null ? UUID.randomUUID().toString() : agreementId;
        SharedInfrastructure.send(GoldenEvents.record(NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED, eventId,
                Map.of("caseId", caseId, "investorId", investor, "officerId", officer, "agreementId", id, "termsFingerprint", fingerprint)));
        return id;
    }

    /** The body of the answer to asking for a code with {@code token}, which must be a 404. */
    private String refusal(String token) {
        EntityExchangeResult<String> result = driver.link(LINK_CODES, Map.of("token", token)).expectBody(String.class).returnResult();
        assertThat(result.getStatus().value()).isEqualTo(404);
        return result.getResponseBody().replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    private static boolean invalid(EntityExchangeResult<String> result) {
        return result.getStatus().value() == 404 && result.getResponseBody().contains("\"invalid link\"");
    }

    private JsonNode envelope(String investor, String caseId) {
        return JSON.readTree(driver.as(investor, "INVESTOR", HttpMethod.GET, SigningDriver.ENVELOPE, caseId).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private JsonNode trail(String caseId) {
        return JSON.readTree(driver.as("leader-w", "LEADER", HttpMethod.GET, SigningDriver.AUDIT_TRAIL, caseId).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private String prometheus() {
        return driver.http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
    }

    private static JsonNode body(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        return new org.investflow.signing.contract.RenderedPdf(bytes).sha256();
    }
}
