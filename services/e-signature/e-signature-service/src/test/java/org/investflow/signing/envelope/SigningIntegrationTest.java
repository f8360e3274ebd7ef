package org.investflow.signing.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.testkit.GoldenEvents;
import org.investflow.platform.testkit.TestIssuer;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.platform.testkit.TopicProbe;
import org.investflow.signing.SigningServiceTest;
import org.investflow.signing.events.SigningEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.RequestBodySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SigningServiceTest
class SigningIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNode GOLDEN = JSON.readTree(GoldenEvents.example(NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED));
    static final AtomicInteger CASES = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 800_000));

    @LocalServerPort
    int port;
    @Autowired
    ReactiveMongoTemplate mongo;

    WebTestClient http;
    TopicProbe signing;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        signing = TopicProbe.of(SigningEvents.TOPIC);
    }

    @AfterEach
    void disconnect() {
        signing.close();
    }

    static String newCase() {
        return String.format("CQ-2026-%06d", CASES.incrementAndGet());
    }

    /** The producer's golden AgreementReached, re-addressed to {@code caseId} owned by {@code investor}. */
    static ProducerRecord<String, byte[]> agreementReached(String caseId, String investor, String eventId) {
        return GoldenEvents.record(NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED, eventId,
                Map.of("caseId", caseId, "investorId", investor));
    }

    /** A case whose agreement reached e-signature and whose envelope was sent. */
    String envelopeSentFor(String investor) {
        String caseId = newCase();
        SharedInfrastructure.send(agreementReached(caseId, investor, UUID.randomUUID().toString()));
        signing.await(caseId, SigningEvents.ENVELOPE_SENT);
        return caseId;
    }

    RequestBodySpec as(String user, String role, HttpMethod method, String path) {
        return http.method(method).uri(path).headers(h -> h.setBearerAuth(TestIssuer.token(user, role)))
                .contentType(MediaType.APPLICATION_JSON);
    }

    WebTestClient.ResponseSpec sign(String user, String role, String caseId, String typedName) {
        return as(user, role, HttpMethod.POST, "/api/envelopes/" + caseId + "/signatures")
                .bodyValue(Map.of("typedName", typedName)).exchange();
    }

    static JsonNode body(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    @Test
    void theProducersGoldenAgreementBecomesASentEnvelopeOwnedByItsInvestor() {
        String caseId = newCase();
        SharedInfrastructure.send(agreementReached(caseId, "investor-a", UUID.randomUUID().toString()));

        ConsumerRecord<String, byte[]> sent = signing.await(caseId, SigningEvents.ENVELOPE_SENT);
        assertThat(TopicProbe.header(sent, "ce_source")).isEqualTo("/investflow/e-signature");
        assertThat(TopicProbe.header(sent, "ce_subject")).isEqualTo(caseId);
        String expectedHash = org.investflow.signing.contract.ContractTemplate.draft(goldenAgreement(caseId, "investor-a").particulars()).sha256();
        assertThat(body(sent).path("documentHash").asString()).isEqualTo(expectedHash);
        assertThat(body(sent).path("termsFingerprint").asString()).isEqualTo(GOLDEN.path("termsFingerprint").asString());

        as("investor-a", "INVESTOR", HttpMethod.GET, "/api/envelopes/" + caseId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("SENT")
                .jsonPath("$.documentHash").isEqualTo(expectedHash)
                .jsonPath("$.envelopeId").isEqualTo(body(sent).path("envelopeId").asString())
                .jsonPath("$.signers[0].role").isEqualTo("INVESTOR_SIGNATORY")
                .jsonPath("$.signers[0].signed").isEqualTo(false)
                .jsonPath("$.signers[1].role").isEqualTo("COMMISSION_REPRESENTATIVE");
    }

    static Agreement goldenAgreement(String caseId, String investor) {
        JsonNode terms = GOLDEN.path("terms");
        return new Agreement(caseId, investor, GOLDEN.path("officerId").asString(), GOLDEN.path("agreementId").asString(), GOLDEN.path("companyName").asString(),
                new AgreedTerms(terms.path("investmentAmount").decimalValue(), terms.path("currency").asString(),
                        terms.path("jobs").asInt(), java.time.LocalDate.parse(terms.path("landingDeadline").asString())),
                GOLDEN.path("termsFingerprint").asString(), java.time.Instant.parse(GOLDEN.path("occurredAt").asString()));
    }

    @Test
    void signingInOrderExecutesTheContractWithTheAgreedFigures() {
        String caseId = envelopeSentFor("investor-b");
        sign("investor-b", "INVESTOR", caseId, "Hans Müller").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("PARTIALLY_SIGNED")
                .jsonPath("$.signers[0].signedBy").isEqualTo("investor-b")
                .jsonPath("$.signers[0].typedName").isEqualTo("Hans Müller");
        sign("officer-li", "OFFICER", caseId, "Li Wei").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("EXECUTED")
                .jsonPath("$.signers[1].signedBy").isEqualTo("officer-li");

        JsonNode executed = body(signing.await(caseId, SigningEvents.CONTRACT_EXECUTED));
        JsonNode terms = GOLDEN.path("terms");
        assertThat(executed.path("investmentAmount").decimalValue()).isEqualByComparingTo(terms.path("investmentAmount").decimalValue());
        assertThat(executed.path("currency").asString()).isEqualTo(terms.path("currency").asString());
        assertThat(executed.path("jobs").asInt()).isEqualTo(terms.path("jobs").asInt());
        assertThat(executed.path("landingDeadline").asString()).isEqualTo(terms.path("landingDeadline").asString());
        assertThat(signing.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type")).containsExactly(
                SigningEvents.ENVELOPE_SENT, SigningEvents.SIGNATURE_RECORDED, SigningEvents.SIGNATURE_RECORDED,
                SigningEvents.CONTRACT_EXECUTED);
    }

    @Test
    void theCommissionSigningOutOfTurnIsAConflictAndPublishesNothing() {
        String caseId = envelopeSentFor("investor-c");
        sign("officer-li", "OFFICER", caseId, "Li Wei").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentState").isEqualTo("SENT");

        sign("investor-c", "INVESTOR", caseId, "Hans Müller").expectStatus().isOk();
        signing.await(caseId, SigningEvents.SIGNATURE_RECORDED);
        assertThat(signing.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type"))
                .containsExactly(SigningEvents.ENVELOPE_SENT, SigningEvents.SIGNATURE_RECORDED);
        assertThat(body(signing.seenFor(caseId).get(1)).path("signerRole").asString()).isEqualTo("INVESTOR_SIGNATORY");
    }

    @Test
    void aSignerSigningTwiceIsAConflict() {
        String caseId = envelopeSentFor("investor-d");
        sign("investor-d", "INVESTOR", caseId, "Hans Müller").expectStatus().isOk();
        sign("investor-d", "INVESTOR", caseId, "Hans Müller").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aRedeliveredAgreementSendsOneEnvelope() {
        String caseId = newCase();
        String eventId = UUID.randomUUID().toString();
        SharedInfrastructure.send(agreementReached(caseId, "investor-e", eventId));
        SharedInfrastructure.send(agreementReached(caseId, "investor-e", eventId));
        SharedInfrastructure.send(agreementReached(caseId, "investor-e", UUID.randomUUID().toString()));
        signing.await(caseId, SigningEvents.ENVELOPE_SENT);

        sign("investor-e", "INVESTOR", caseId, "Hans Müller").expectStatus().isOk();
        signing.await(caseId, SigningEvents.SIGNATURE_RECORDED);
        assertThat(signing.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type"))
                .containsExactly(SigningEvents.ENVELOPE_SENT, SigningEvents.SIGNATURE_RECORDED);
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), Envelope.class).block()).isEqualTo(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextAgreementIsStillSent() {
        String caseId = newCase();
        try (TopicProbe deadLetters = TopicProbe.of(NegotiationEvents.TOPIC + ".DLT")) {
            SharedInfrastructure.send(new ProducerRecord<>(NegotiationEvents.TOPIC, caseId, "not a cloud event".getBytes(StandardCharsets.UTF_8)));
            SharedInfrastructure.send(agreementReached(caseId, "investor-f", UUID.randomUUID().toString()));
            deadLetters.await(record -> caseId.equals(record.key()));
        }
        signing.await(caseId, SigningEvents.ENVELOPE_SENT);
    }

    @Test
    void anInvalidSignatureIsRefusedFieldByFieldAndNothingIsStored() {
        String caseId = envelopeSentFor("investor-g");
        sign("investor-g", "INVESTOR", caseId, " ").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == 'typedName')]").exists();
        sign("investor-g", "INVESTOR", caseId, "x".repeat(201)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'typedName')]").exists();
        as("investor-g", "INVESTOR", HttpMethod.GET, "/api/envelopes/" + caseId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SENT")
                .jsonPath("$.signers[0].signed").isEqualTo(false);
    }

    @Test
    void anotherInvestorsEnvelopeAnswersLikeOneThatDoesNotExist() {
        String caseId = envelopeSentFor("investor-h");
        as("investor-i", "INVESTOR", HttpMethod.GET, "/api/envelopes/" + caseId).exchange().expectStatus().isNotFound();
        sign("investor-i", "INVESTOR", caseId, "Mallory").expectStatus().isNotFound();
        as("investor-i", "INVESTOR", HttpMethod.GET, "/api/envelopes/CQ-2026-999999").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        sign("officer-li", "OFFICER", "CQ-2026-999999", "Li Wei").expectStatus().isNotFound();
    }

    @Test
    void leadersAndAdminsReadButNeverSignAndOnlyKnownCallersAreServed() {
        String caseId = envelopeSentFor("investor-j");
        sign("leader-1", "LEADER", caseId, "Leader").expectStatus().isForbidden();
        sign("admin-1", "ADMIN", caseId, "Admin").expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as("leader-1", "LEADER", HttpMethod.GET, "/api/envelopes/" + caseId).exchange().expectStatus().isOk();
        as("officer-2", "OFFICER", HttpMethod.GET, "/api/envelopes/" + caseId).exchange().expectStatus().isOk();
        http.get().uri("/api/envelopes/" + caseId).exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void healthAndPrometheusAreExposed() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("investflow_outbox_published"));
    }
}
