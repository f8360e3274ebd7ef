package org.investflow.signing.envelope;

import org.investflow.platform.testkit.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.investflow.signing.envelope.persistence.ContractDocuments;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.testkit.GoldenEvents;
import org.investflow.platform.testkit.TestIssuer;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.platform.testkit.TopicProbe;
import org.investflow.signing.SigningDriver;
import org.investflow.signing.SigningHttpTest;
import org.investflow.signing.TestMail;
import org.investflow.signing.events.SigningEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.RequestBodySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SigningIntegrationTest extends SigningHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNode GOLDEN = JSON.readTree(GoldenEvents.example(NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED));
    static final AtomicInteger CASES = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 800_000));

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ContractDocuments documents;

    WebTestClient http;
    TopicProbe signing;

    @BeforeEach
    void connect() {
        http = LocalClient.to(port);
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

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        String expectedHash = org.investflow.signing.contract.ContractTemplate.draft(
                org.investflow.signing.contract.EnvelopeContract.particularsOf(goldenAgreement(caseId, "investor-a", documents.clauses()))).sha256();
        assertThat(body(sent).path("documentHash").asString()).isEqualTo(expectedHash);
        assertThat(body(sent).path("termsFingerprint").asString()).isEqualTo(GOLDEN.path("termsFingerprint").asString());
        JsonNode drafted = body(signing.await(caseId, SigningEvents.CONTRACT_DRAFTED));
        assertThat(drafted.path("documentHash").asString()).isEqualTo(expectedHash);
        assertThat(drafted.path("termsFingerprint").asString()).isEqualTo(GOLDEN.path("termsFingerprint").asString());
        assertThat(drafted.path("agreementId").asString()).isEqualTo(GOLDEN.path("agreementId").asString());
        assertThat(drafted.path("envelopeId").asString()).isEqualTo(body(sent).path("envelopeId").asString());

        as("investor-a", "INVESTOR", HttpMethod.GET, "/api/envelopes/" + caseId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("SENT")
                .jsonPath("$.documentHash").isEqualTo(expectedHash)
                .jsonPath("$.envelopeId").isEqualTo(body(sent).path("envelopeId").asString())
                .jsonPath("$.signers[0].role").isEqualTo("INVESTOR_SIGNATORY")
                .jsonPath("$.signers[0].signed").isEqualTo(false)
                .jsonPath("$.signers[1].role").isEqualTo("COMMISSION_REPRESENTATIVE")
                .jsonPath("$.signers[2].role").isEqualTo("DISTRICT_REPRESENTATIVE")
                .jsonPath("$.signers[2].name").isEqualTo("District representative (development) 区政府代表");
    }

    /** The golden agreement as e-signature freezes it: its canonical terms, the company's registration and the clauses in force. */
    static Agreement goldenAgreement(String caseId, String investor, ContractClauses clauses) {
        JsonNode terms = GOLDEN.path("terms");
        return new Agreement(org.investflow.platform.domain.CaseId.of(caseId), investor, GOLDEN.path("officerId").asString(),
                GOLDEN.path("agreementId").asString(), GOLDEN.path("companyName").asString(),
                new AgreedTerms(org.investflow.platform.domain.Money.of(terms.path("investmentAmount").decimalValue(), terms.path("currency").asString()),
                        terms.path("jobs").asInt(), java.time.LocalDate.parse(terms.path("landingDeadline").asString()), List.of(), null, null,
                        null, List.of(), List.of(), GOLDEN.path("canonicalTerms").asString(), clauses),
                GOLDEN.path("termsFingerprint").asString(), java.time.Instant.parse(GOLDEN.path("occurredAt").asString()),
                GOLDEN.path("registrationNumber").asString(), GOLDEN.path("country").asString());
    }

    @Test
    void signingInOrderThroughTheMailedLinksExecutesTheContractAnnouncingTheSealedPdfsHash() throws java.io.IOException {
        String caseId = envelopeSentFor("investor-b");
        driver.sign("investor-b", caseId, "Hans Müller").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("PARTIALLY_SIGNED");
        driver.sign("officer-li", caseId, "Li Wei").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("PARTIALLY_SIGNED");
        driver.sign(SigningDriver.DISTRICT, caseId, "周敏").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SEALING");

        JsonNode executed = body(signing.await(caseId, SigningEvents.CONTRACT_EXECUTED));
        JsonNode terms = GOLDEN.path("terms");
        assertThat(executed.path("investmentAmount").decimalValue()).isEqualByComparingTo(terms.path("investmentAmount").decimalValue());
        assertThat(executed.path("currency").asString()).isEqualTo(terms.path("currency").asString());
        assertThat(executed.path("jobs").asInt()).isEqualTo(terms.path("jobs").asInt());
        assertThat(executed.path("landingDeadline").asString()).isEqualTo(terms.path("landingDeadline").asString());
        byte[] download = as("investor-b", "INVESTOR", HttpMethod.GET, "/api/envelopes/" + caseId + "/executed-contract").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(executed.path("documentHash").asString()).isEqualTo(sha256(download));
        assertThat(EveryAgreedTermPrintedTest.partiesSection(download)).as("Party B as the golden agreement names it, and who signed for it")
                .contains("Registration no. 注册号: " + GOLDEN.path("registrationNumber").asString(),
                        "Country 国家/地区: " + GOLDEN.path("country").asString(), "Authorised signatory 授权签字人: Hans Müller");
        as("investor-b", "INVESTOR", HttpMethod.GET, "/api/envelopes/" + caseId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.signers[0].signedBy").isEqualTo("investor-b")
                .jsonPath("$.signers[0].typedName").isEqualTo("Hans Müller")
                .jsonPath("$.signers[1].signedBy").isEqualTo("officer-li")
                .jsonPath("$.signers[2].role").isEqualTo("DISTRICT_REPRESENTATIVE")
                .jsonPath("$.signers[2].group").isEqualTo(2)
                .jsonPath("$.signers[2].signedBy").isEqualTo(TestMail.addressOf(SigningDriver.DISTRICT))
                .jsonPath("$.executedDocumentHash").isEqualTo(sha256(download));
        assertThat(signing.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type")).containsExactly(
                SigningEvents.CONTRACT_DRAFTED, SigningEvents.ENVELOPE_SENT, SigningEvents.SIGNATURE_RECORDED,
                SigningEvents.SIGNATURE_RECORDED, SigningEvents.SIGNATURE_RECORDED, SigningEvents.CONTRACT_EXECUTED);
    }

    @Test
    void theExecutedContractCarriesTheAgreedCapitalScheduleAndMilestoneDeadlines() {
        String caseId = newCase();
        Map<String, Object> terms = new java.util.LinkedHashMap<>(Map.of("investmentAmount", 120000000.00, "currency", "EUR",
                "jobs", 350, "landingDeadline", "2027-12-31", "incentives", List.of(), "specialConditions", List.of()));
        terms.put("capitalSchedule", List.of(Map.of("amount", 20000000.00, "dueBy", "2026-09-30"),
                Map.of("amount", 100000000.00, "dueBy", "2027-06-30")));
        terms.put("milestones", Map.of("businessRegistration", "2026-06-30", "landRights", "2026-09-30",
                "constructionStart", "2026-12-31", "firstCapitalInjection", "2026-09-30", "operationStart", "2027-12-01"));
        SharedInfrastructure.send(GoldenEvents.record(NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED,
                UUID.randomUUID().toString(), Map.of("caseId", caseId, "investorId", "investor-s", "terms", terms)));
        signing.await(caseId, SigningEvents.ENVELOPE_SENT);
        signAll(caseId, "investor-s");

        JsonNode executed = body(signing.await(caseId, SigningEvents.CONTRACT_EXECUTED));
        assertThat(executed.path("tranches")).hasSize(2);
        assertThat(executed.path("tranches").get(0).path("amount").decimalValue()).isEqualByComparingTo("20000000.00");
        assertThat(executed.path("tranches").get(1).path("dueBy").asString()).isEqualTo("2027-06-30");
        assertThat(executed.path("milestoneDeadlines").path("businessRegistration").asString()).isEqualTo("2026-06-30");
        assertThat(executed.path("milestoneDeadlines").path("operationStart").asString()).isEqualTo("2027-12-01");
    }

    @Test
    void anAgreementWithoutScheduleExecutesWithAnEmptyScheduleAndNoDeadlines() {
        String caseId = envelopeSentFor("investor-t");
        signAll(caseId, "investor-t");
        JsonNode executed = body(signing.await(caseId, SigningEvents.CONTRACT_EXECUTED));
        assertThat(executed.path("tranches").isArray()).isTrue();
        assertThat(executed.path("tranches")).isEmpty();
        assertThat(executed.path("milestoneDeadlines").isNull()).isTrue();
    }

    private void signAll(String caseId, String investor) {
        driver.sign(investor, caseId, "Hans Müller").expectStatus().isOk();
        driver.sign("officer-li", caseId, "Li Wei").expectStatus().isOk();
        driver.sign(SigningDriver.DISTRICT, caseId, "周敏").expectStatus().isOk();
    }

    @Test
    void theCommissionGetsNoLinkBeforeItsTurnAndACopiedLinkCannotSignOutOfTurn() {
        String caseId = envelopeSentFor("investor-c");
        TestMail.awaitLink("investor-c", caseId);
        assertThat(TestMail.about("officer-li", caseId)).isEmpty();
        assertThat(TestMail.about(SigningDriver.DISTRICT, caseId)).isEmpty();
        // a link for the commission's place that exists before its turn (as a copied one would) is refused by the server
        String copied = "copied-commission-link-" + UUID.randomUUID();
        mongo.updateFirst(Query.query(Criteria.where("caseId").is(caseId)), new Update().push("links.issued",
                SigningLink.issue(copied, 2, java.time.Instant.now().plus(java.time.Duration.ofDays(30)))), Envelope.class).block();
        driver.link(SigningDriver.LINK_CODES, Map.of("token", copied)).expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("invalid link");

        driver.sign("investor-c", caseId, "Hans Müller").expectStatus().isOk();
        signing.await(caseId, SigningEvents.SIGNATURE_RECORDED);
        assertThat(signing.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type"))
                .containsExactly(SigningEvents.CONTRACT_DRAFTED, SigningEvents.ENVELOPE_SENT, SigningEvents.SIGNATURE_RECORDED);
        assertThat(body(signing.seenFor(caseId).get(2)).path("signerRole").asString()).isEqualTo("INVESTOR_SIGNATORY");
    }

    @Test
    void theDistrictMaySignBeforeTheCommissionAndOnlyTheLastSignatureOfTheGroupExecutes() {
        String caseId = envelopeSentFor("investor-p");
        driver.sign("investor-p", caseId, "Hans Müller").expectStatus().isOk();
        driver.sign(SigningDriver.DISTRICT, caseId, "周敏").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("PARTIALLY_SIGNED");
        signing.await(record -> caseId.equals(record.key()) && "DISTRICT_REPRESENTATIVE".equals(body(record).path("signerRole").asString("")));
        assertThat(driver.typesSeenFor(caseId)).doesNotContain(SigningEvents.CONTRACT_EXECUTED);
        driver.sign("officer-li", caseId, "Li Wei").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SEALING");
        signing.await(caseId, SigningEvents.CONTRACT_EXECUTED);
        assertThat(signing.seenFor(caseId)).extracting(record -> body(record).path("signerRole").asString("")).containsExactly(
                "", "", "INVESTOR_SIGNATORY", "DISTRICT_REPRESENTATIVE", "COMMISSION_REPRESENTATIVE", "");
    }

    @Test
    void aRedeliveredAgreementSendsOneEnvelope() {
        String caseId = newCase();
        String eventId = UUID.randomUUID().toString();
        SharedInfrastructure.send(agreementReached(caseId, "investor-e", eventId));
        SharedInfrastructure.send(agreementReached(caseId, "investor-e", eventId));
        SharedInfrastructure.send(agreementReached(caseId, "investor-e", UUID.randomUUID().toString()));
        signing.await(caseId, SigningEvents.ENVELOPE_SENT);

        driver.sign("investor-e", caseId, "Hans Müller").expectStatus().isOk();
        signing.await(caseId, SigningEvents.SIGNATURE_RECORDED);
        assertThat(signing.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type"))
                .containsExactly(SigningEvents.CONTRACT_DRAFTED, SigningEvents.ENVELOPE_SENT, SigningEvents.SIGNATURE_RECORDED);
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
    void anotherInvestorsEnvelopeAnswersLikeOneThatDoesNotExist() {
        String caseId = envelopeSentFor("investor-h");
        as("investor-i", "INVESTOR", HttpMethod.GET, "/api/envelopes/" + caseId).exchange().expectStatus().isNotFound();
        as("investor-i", "INVESTOR", HttpMethod.GET, "/api/envelopes/CQ-2026-999999").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void leadersAndOfficersReadAndOnlyKnownCallersAreServed() {
        String caseId = envelopeSentFor("investor-j");
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
