package org.investflow.negotiation.negotiation;

import org.investflow.platform.testkit.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.testkit.GoldenEvents;
import org.investflow.platform.testkit.TestIssuer;
import org.investflow.platform.testkit.ServiceIntegrationTest;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.platform.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The platform's messaging proofs, carried by the first consumer: intake's golden event is
 * understood, a redelivery has one effect, and a poison record is dead-lettered without stopping
 * the consumer.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "spring.config.name=negotiation")
class MessagingProofsTest {

    static final String DEAD_LETTERS = IntakeEvents.TOPIC + ".DLT";

    @LocalServerPort
    int port;

    WebTestClient http;
    TopicProbe events;
    TopicProbe deadLetters;

    @BeforeEach
    void connect() {
        http = LocalClient.to(port);
        events = TopicProbe.of(NegotiationEvents.TOPIC);
        deadLetters = TopicProbe.of(DEAD_LETTERS);
    }

    @AfterEach
    void disconnect() {
        events.close();
        deadLetters.close();
    }

    @Test
    void intakesGoldenAcceptanceOpensANegotiationWithTheAcceptingOfficer() {
        String caseId = Cases.fresh();
        SharedInfrastructure.send(Cases.accepted(caseId, "investor-golden"));

        ConsumerRecord<String, byte[]> opened = events.await(caseId, NegotiationEvents.NEGOTIATION_OPENED);
        assertThat(TopicProbe.header(opened, "ce_source")).isEqualTo("/investflow/negotiation");
        assertThat(TopicProbe.header(opened, "ce_subject")).isEqualTo(caseId);
        assertThat(new String(opened.value(), StandardCharsets.UTF_8))
                .contains("\"officerId\":\"officer-li\"").contains("重庆分公司");
        http.get().uri("/api/negotiations/" + caseId).headers(h -> h.setBearerAuth(TestIssuer.token("investor-golden", "INVESTOR")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("OPEN").jsonPath("$.officerId").isEqualTo("officer-li");
    }

    @Test
    void theSameAcceptanceDeliveredTwiceOpensOneNegotiation() {
        String caseId = Cases.fresh();
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> overrides = Map.of("caseId", caseId, "investorId", "investor-twice");
        SharedInfrastructure.send(GoldenEvents.record(IntakeEvents.CATALOG, IntakeEvents.INTENTION_ACCEPTED, eventId, overrides));
        SharedInfrastructure.send(GoldenEvents.record(IntakeEvents.CATALOG, IntakeEvents.INTENTION_ACCEPTED, eventId, overrides));
        events.await(caseId, NegotiationEvents.NEGOTIATION_OPENED);

        proposeTo(caseId);
        events.await(caseId, NegotiationEvents.TERMS_PROPOSED);
        assertThat(events.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type"))
                .containsExactly(NegotiationEvents.NEGOTIATION_OPENED, NegotiationEvents.TERMS_PROPOSED);
        assertThat(deadLetters.seenFor(caseId)).as("a duplicate is acknowledged, not dead-lettered").isEmpty();
    }

    @Test
    void aRecordThatIsNotJsonIsDeadLetteredAndTheNextIsStillProcessed() {
        String caseId = Cases.fresh();
        ProducerRecord<String, byte[]> golden = Cases.accepted(caseId, "investor-poison");
        SharedInfrastructure.send(new ProducerRecord<>(golden.topic(), null, caseId,
                "not json".getBytes(StandardCharsets.UTF_8), golden.headers()));
        SharedInfrastructure.send(Cases.accepted(caseId, "investor-poison"));

        ConsumerRecord<String, byte[]> dead = deadLetters.await(record -> caseId.equals(record.key()));
        assertThat(TopicProbe.header(dead, "kafka_dlt-exception-message")).contains("invalid " + IntakeEvents.INTENTION_ACCEPTED);
        assertThat(TopicProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo(IntakeEvents.TOPIC);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
        events.await(caseId, NegotiationEvents.NEGOTIATION_OPENED);
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsDeadLetteredAndTheNextIsStillProcessed() {
        String caseId = Cases.fresh();
        SharedInfrastructure.send(new ProducerRecord<>(IntakeEvents.TOPIC, caseId, "{}".getBytes(StandardCharsets.UTF_8)));
        SharedInfrastructure.send(Cases.accepted(caseId, "investor-headless"));

        ConsumerRecord<String, byte[]> dead = deadLetters.await(record -> caseId.equals(record.key()));
        assertThat(TopicProbe.header(dead, "kafka_dlt-exception-message")).contains("not a valid CloudEvent");
        assertThat(TopicProbe.header(dead, "kafka_dlt-exception-fqcn")).isNotBlank();
        events.await(caseId, NegotiationEvents.NEGOTIATION_OPENED);
    }

    @Test
    void anAcceptanceRefusedInsideTheReactiveChainIsDeadLetteredAndTheNextIsStillProcessed() {
        String refused = Cases.fresh();
        SharedInfrastructure.send(GoldenEvents.record(IntakeEvents.CATALOG, IntakeEvents.INTENTION_ACCEPTED,
                Map.of("caseId", refused, "investorId", "investor-nameless", "companyName", " ")));
        String next = Cases.fresh();
        SharedInfrastructure.send(Cases.accepted(next, "investor-next"));

        ConsumerRecord<String, byte[]> dead = deadLetters.await(record -> refused.equals(record.key()));
        assertThat(TopicProbe.header(dead, "kafka_dlt-exception-message")).contains("companyName");
        events.await(next, NegotiationEvents.NEGOTIATION_OPENED);
        assertThat(events.seenFor(refused)).isEmpty();
    }

    private void proposeTo(String caseId) {
        http.post().uri("/api/negotiations/" + caseId + "/proposals").headers(h -> h.setBearerAuth(TestIssuer.token("officer-li", "OFFICER"))).bodyValue(Cases.terms()).exchange().expectStatus().isCreated();
    }
}
