package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.negotiation.negotiation.persistence.NegotiationRepository;
import org.investflow.platform.testkit.GoldenEvents;
import org.investflow.platform.testkit.ServiceIntegrationTest;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.platform.testkit.TopicProbe;
import org.investflow.signing.events.ContractVoided;
import org.investflow.signing.events.SigningEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * e-signature's outcomes on the real broker: a declined contract of the case's agreement reopens the
 * negotiation ({@code NegotiationReopened}), both parties accept again and the new {@code AgreementReached}
 * names the agreement it supersedes; stale, duplicate and superseding outcomes change nothing; poison
 * records and outcomes about terms the case never agreed on go to {@code signing.events.DLT}.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"spring.config.name=negotiation", "investflow.web.investor-requests=100000",
        "management.health.mongodb.enabled=false"})
class ReopeningIntegrationTest {

    static final String INVESTOR = "investor-reopen";
    static final String OFFICER = "officer-reopen";

    @LocalServerPort
    int port;
    @Autowired
    NegotiationRepository negotiations;

    CaseDesk desk;
    TopicProbe events;
    TopicProbe deadLetters;

    @BeforeEach
    void connect() {
        desk = new CaseDesk(port, negotiations);
        events = TopicProbe.of(NegotiationEvents.TOPIC);
        deadLetters = TopicProbe.of(SigningEvents.TOPIC + ".DLT");
    }

    @AfterEach
    void disconnect() {
        events.close();
        deadLetters.close();
    }

    @Test
    void aDeclinedContractReopensTheNegotiationAndTheAgreementReachedAgainSupersedesTheOld() {
        String caseId = agreed();
        String fingerprint = desk.stored(caseId).agreement().fingerprint().hex();

        SharedInfrastructure.send(declined(caseId, fingerprint, "envelope-1"));

        ConsumerRecord<String, byte[]> reopened = events.await(caseId, NegotiationEvents.NEGOTIATION_REOPENED);
        assertThat(body(reopened)).contains("\"reopenedFromFingerprint\":\"" + fingerprint + "\"", "\"cause\":\"DECLINED\"",
                "\"version\":1", "\"officerId\":\"" + OFFICER + "\"", "The land lease start date");
        desk.settled(caseId);
        desk.http().get().uri("/api/negotiations/{caseId}", caseId).headers(CaseDesk.bearer(INVESTOR, "INVESTOR")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REOPENED")
                .jsonPath("$.agreement").doesNotExist()
                .jsonPath("$.reopenings[0].agreement.termsFingerprint").isEqualTo(fingerprint)
                .jsonPath("$.reopenings[0].cause").isEqualTo("DECLINED");

        desk.accept(caseId, 1, INVESTOR).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REOPENED").jsonPath("$.acceptedAgainBy[0]").isEqualTo("INVESTOR");
        acceptAsOfficer(caseId, 1).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("AGREED")
                .jsonPath("$.agreement.supersedesFingerprint").isEqualTo(fingerprint);

        ConsumerRecord<String, byte[]> again = events.await(record -> caseId.equals(record.key())
                && NegotiationEvents.AGREEMENT_REACHED.equals(TopicProbe.header(record, "ce_type"))
                && body(record).contains("\"supersedesFingerprint\":\"" + fingerprint + "\""));
        assertThat(body(again)).contains("\"termsFingerprint\":\"" + fingerprint + "\"");
        desk.http().get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(metrics -> assertThat(metrics).contains("investflow_negotiation_reopened_total{cause=\"DECLINED\"}"));
    }

    @Test
    void aDuplicateDeclineReopensOnceAndOutcomesOfTheOldEnvelopeOrASupersedingVoidAreIgnored() {
        String caseId = agreed();
        String fingerprint = desk.stored(caseId).agreement().fingerprint().hex();
        String eventId = UUID.randomUUID().toString();
        SharedInfrastructure.send(GoldenEvents.record(SigningEvents.CATALOG, SigningEvents.CONTRACT_DECLINED, eventId,
                overrides(caseId, fingerprint, "envelope-1")));
        SharedInfrastructure.send(GoldenEvents.record(SigningEvents.CATALOG, SigningEvents.CONTRACT_DECLINED, eventId,
                overrides(caseId, fingerprint, "envelope-1")));
        SharedInfrastructure.send(declined(caseId, fingerprint, "envelope-1"));
        events.await(caseId, NegotiationEvents.NEGOTIATION_REOPENED);
        desk.settled(caseId);
        desk.accept(caseId, 1, INVESTOR).expectStatus().isOk();
        acceptAsOfficer(caseId, 1).expectStatus().isOk();
        desk.settled(caseId);

        SharedInfrastructure.send(declined(caseId, fingerprint, "envelope-1"));
        SharedInfrastructure.send(GoldenEvents.record(SigningEvents.CATALOG, SigningEvents.CONTRACT_VOIDED,
                Map.of("caseId", caseId, "investorId", INVESTOR, "termsFingerprint", fingerprint, "envelopeId", "envelope-2",
                        "reason", ContractVoided.SUPERSEDED)));
        SharedInfrastructure.send(GoldenEvents.record(SigningEvents.CATALOG, SigningEvents.CONTRACT_EXPIRED,
                overrides(caseId, fingerprint, "envelope-3")));

        events.await(record -> caseId.equals(record.key()) && body(record).contains("\"cause\":\"EXPIRED\""));
        assertThat(events.seenFor(caseId)).filteredOn(record -> NegotiationEvents.NEGOTIATION_REOPENED
                .equals(TopicProbe.header(record, "ce_type"))).hasSize(2);
        assertThat(deadLetters.seenFor(caseId)).as("ignored outcomes are acknowledged, not dead-lettered").isEmpty();
        assertThat(desk.stored(caseId).reopenings()).extracting(Reopening::envelopeId).containsExactly("envelope-1", "envelope-3");
    }

    @Test
    void anOutcomeAboutTheFormerAgreementIsIgnoredOnceACounterOfferWasAgreed() {
        String caseId = agreed();
        String former = desk.stored(caseId).agreement().fingerprint().hex();
        SharedInfrastructure.send(declined(caseId, former, "envelope-1"));
        events.await(caseId, NegotiationEvents.NEGOTIATION_REOPENED);
        desk.settled(caseId);
        desk.http().post().uri("/api/negotiations/{caseId}/proposals", caseId).headers(CaseDesk.bearer(INVESTOR, "INVESTOR"))
                .bodyValue(Cases.terms("110000000.00")).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.basedOn").isEqualTo(1);
        acceptAsOfficer(caseId, 2).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("AGREED")
                .jsonPath("$.agreement.supersedesFingerprint").isEqualTo(former);
        desk.settled(caseId);
        String current = desk.stored(caseId).agreement().fingerprint().hex();
        assertThat(current).isNotEqualTo(former);

        SharedInfrastructure.send(declined(caseId, former, "envelope-7"));
        SharedInfrastructure.send(GoldenEvents.record(SigningEvents.CATALOG, SigningEvents.CONTRACT_VOIDED,
                Map.of("caseId", caseId, "investorId", INVESTOR, "termsFingerprint", current, "envelopeId", "envelope-2",
                        "reason", "wrong district representative")));

        events.await(record -> caseId.equals(record.key()) && body(record).contains("\"cause\":\"VOIDED\""));
        assertThat(events.seenFor(caseId)).filteredOn(record -> NegotiationEvents.NEGOTIATION_REOPENED
                .equals(TopicProbe.header(record, "ce_type"))).hasSize(2);
        assertThat(desk.stored(caseId).reopenings()).extracting(reopening -> reopening.agreement().fingerprint().hex())
                .containsExactly(former, current);
        assertThat(deadLetters.seenFor(caseId)).isEmpty();
    }

    @Test
    void aPoisonSigningRecordAndAnOutcomeAboutTermsNeverAgreedAreDeadLetteredAndTheNextIsStillProcessed() {
        String caseId = agreed();
        String fingerprint = desk.stored(caseId).agreement().fingerprint().hex();
        ProducerRecord<String, byte[]> golden = declined(caseId, fingerprint, "envelope-1");
        SharedInfrastructure.send(new ProducerRecord<>(golden.topic(), null, caseId, "not json".getBytes(StandardCharsets.UTF_8),
                golden.headers()));
        SharedInfrastructure.send(declined(caseId, "0".repeat(64), "envelope-0"));
        SharedInfrastructure.send(golden);

        events.await(caseId, NegotiationEvents.NEGOTIATION_REOPENED);
        ConsumerRecord<String, byte[]> poison = deadLetters.await(record -> caseId.equals(record.key())
                && "not json".equals(body(record)));
        assertThat(TopicProbe.header(poison, "kafka_dlt-exception-message")).contains("invalid " + SigningEvents.CONTRACT_DECLINED);
        assertThat(TopicProbe.header(poison, "kafka_dlt-original-topic")).isEqualTo(SigningEvents.TOPIC);
        ConsumerRecord<String, byte[]> unknown = deadLetters.await(record -> caseId.equals(record.key())
                && body(record).contains("envelope-0"));
        assertThat(TopicProbe.header(unknown, "kafka_dlt-exception-message")).contains("never agreed");
    }

    @ParameterizedTest(name = "{0} as {1} accepting version {2} (If-Match {3}) -> {4}")
    @CsvSource(nullValues = "none", value = {
        "investor-other, INVESTOR, 1, none, 404",
        "officer-other, OFFICER, 1, none, 403",
        "leader-reopen, LEADER, 1, none, 403",
        "admin-reopen, ADMIN, 1, none, 403",
        INVESTOR + ", INVESTOR, 9, none, 404",
        INVESTOR + ", INVESTOR, 0, none, 404",
        INVESTOR + ", INVESTOR, x, none, 400",
        INVESTOR + ", INVESTOR, 1, '\"0\"', 412"})
    void aRefusedAcceptanceWhileReopenedLeavesTheCaseAsItWas(String user, String role, String version, String ifMatch,
                                                             int status) {
        String caseId = reopened();
        long before = desk.stored(caseId).version();
        desk.http().post().uri("/api/negotiations/" + caseId + "/proposals/" + version + "/acceptance")
                .headers(CaseDesk.bearer(user, role))
                .headers(headers -> { if (ifMatch != null) { headers.setIfMatch(ifMatch); } })
                .exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(desk.stored(caseId).version()).as("a refusal changes nothing").isEqualTo(before);
    }

    @Test
    void whileReopenedOnlyTheTwoPartiesAccept() {
        String caseId = reopened();
        acceptAsOfficer(caseId, 1).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REOPENED")
                .jsonPath("$.acceptedAgainBy[0]").isEqualTo("COMMISSION");
        acceptAsOfficer(caseId, 1).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        desk.accept(caseId, 1, INVESTOR).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("AGREED");
    }

    private String reopened() {
        String caseId = agreed();
        SharedInfrastructure.send(declined(caseId, desk.stored(caseId).agreement().fingerprint().hex(), "envelope-1"));
        events.await(caseId, NegotiationEvents.NEGOTIATION_REOPENED);
        return desk.settled(caseId);
    }

    private String agreed() {
        String caseId = desk.proposed(INVESTOR, OFFICER);
        desk.accept(caseId, 1, INVESTOR).expectStatus().isOk();
        return desk.settled(caseId);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec acceptAsOfficer(String caseId, int version) {
        return desk.http().post().uri("/api/negotiations/{caseId}/proposals/{version}/acceptance", caseId, version)
                .headers(CaseDesk.bearer(OFFICER, "OFFICER")).exchange();
    }

    private static ProducerRecord<String, byte[]> declined(String caseId, String fingerprint, String envelopeId) {
        return GoldenEvents.record(SigningEvents.CATALOG, SigningEvents.CONTRACT_DECLINED, overrides(caseId, fingerprint, envelopeId));
    }

    private static Map<String, Object> overrides(String caseId, String fingerprint, String envelopeId) {
        return Map.of("caseId", caseId, "investorId", INVESTOR, "termsFingerprint", fingerprint, "envelopeId", envelopeId);
    }

    private static String body(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
