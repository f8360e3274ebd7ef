package org.investflow.negotiation.negotiation;

import org.investflow.platform.testkit.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.testkit.GoldenEvents;
import org.investflow.platform.testkit.ServiceIntegrationTest;
import org.investflow.platform.testkit.TestIssuer;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.platform.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.RequestBodySpec;

@ServiceIntegrationTest
@TestPropertySource(properties = "spring.config.name=negotiation")
class NegotiationIntegrationTest {

    @LocalServerPort
    int port;

    WebTestClient http;
    TopicProbe events;

    @BeforeEach
    void connect() {
        http = LocalClient.to(port);
        events = TopicProbe.of(NegotiationEvents.TOPIC);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    RequestBodySpec as(String user, String role, HttpMethod method, String path) {
        return http.method(method).uri(path).headers(h -> h.setBearerAuth(TestIssuer.token(user, role)))
                .contentType(MediaType.APPLICATION_JSON);
    }

    String opened(String investor) {
        String caseId = Cases.fresh();
        SharedInfrastructure.send(Cases.accepted(caseId, investor));
        events.await(caseId, NegotiationEvents.NEGOTIATION_OPENED);
        return caseId;
    }

    WebTestClient.ResponseSpec propose(String caseId, Map<String, Object> terms) {
        return as("officer-li", "OFFICER", HttpMethod.POST, "/api/negotiations/" + caseId + "/proposals")
                .bodyValue(terms).exchange();
    }

    WebTestClient.ResponseSpec accept(String investor, String caseId, int version) {
        return as(investor, "INVESTOR", HttpMethod.POST,
                "/api/negotiations/" + caseId + "/proposals/" + version + "/acceptance").exchange();
    }

    @Test
    void eachProposalIsANewVersionAndTheInvestorAgreesToTheLatest() {
        String caseId = opened("investor-a");
        propose(caseId, Cases.terms("100000000.00")).expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/negotiations/" + caseId + "/proposals/1")
                .expectBody().jsonPath("$.version").isEqualTo(1);
        propose(caseId, Cases.terms("120000000.50")).expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(2);

        accept("investor-a", caseId, 2).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("AGREED")
                .jsonPath("$.agreement.version").isEqualTo(2)
                .jsonPath("$.agreement.termsFingerprint").value(String.class, hex -> assertThat(hex).matches("[0-9a-f]{64}"));

        ConsumerRecord<String, byte[]> agreed = events.await(caseId, NegotiationEvents.AGREEMENT_REACHED);
        assertThat(new String(agreed.value())).contains("\"version\":2").contains("120000000.50")
                .as("the company's registration as intake's acceptance carried it")
                .contains("\"registrationNumber\":\"HRB 123456\"", "\"country\":\"DE\"");
        assertThat(events.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type"))
                .containsExactly(NegotiationEvents.NEGOTIATION_OPENED, NegotiationEvents.TERMS_PROPOSED,
                        NegotiationEvents.TERMS_PROPOSED, NegotiationEvents.AGREEMENT_REACHED);
    }

    @Test
    void anAcceptanceOfAnEarlierReleaseWithoutTheCompanysRegistrationAgreesWithoutIt() {
        String caseId = Cases.fresh();
        SharedInfrastructure.send(GoldenEvents.record(IntakeEvents.CATALOG, IntakeEvents.INTENTION_ACCEPTED,
                Cases.withoutRegistration(Map.of("caseId", caseId, "investorId", "investor-earlier"))));
        events.await(caseId, NegotiationEvents.NEGOTIATION_OPENED);
        propose(caseId, Cases.terms()).expectStatus().isCreated();
        accept("investor-earlier", caseId, 1).expectStatus().isOk();
        assertThat(new String(events.await(caseId, NegotiationEvents.AGREEMENT_REACHED).value()))
                .contains("\"registrationNumber\":null", "\"country\":null");
    }

    @Test
    void theNegotiationShowsEveryVersionTheAgreedTermsAndTheirFingerprint() {
        String caseId = opened("investor-b");
        propose(caseId, Cases.terms()).expectStatus().isCreated();
        accept("investor-b", caseId, 1).expectStatus().isOk();
        String published = new String(events.await(caseId, NegotiationEvents.AGREEMENT_REACHED).value());

        as("leader-wang", "LEADER", HttpMethod.GET, "/api/negotiations/" + caseId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.investorId").isEqualTo("investor-b")
                .jsonPath("$.officerId").isEqualTo("officer-li")
                .jsonPath("$.versions.length()").isEqualTo(1)
                .jsonPath("$.agreement.terms.investmentAmount").isEqualTo(120000000.00)
                .jsonPath("$.agreement.terms.currency").isEqualTo("EUR")
                .jsonPath("$.agreement.termsFingerprint")
                .value(String.class, hex -> assertThat(published).contains("\"termsFingerprint\":\"" + hex + "\""));
    }

    @Test
    void onlyTheLatestVersionCanBeAccepted() {
        String caseId = opened("investor-c");
        propose(caseId, Cases.terms("1000.00")).expectStatus().isCreated();
        propose(caseId, Cases.terms("2000.00")).expectStatus().isCreated();
        accept("investor-c", caseId, 1).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("superseded"));
        accept("investor-c", caseId, 3).expectStatus().isNotFound();
    }

    @Test
    void proposingOrAcceptingOnceAgreedIsAConflictNamingTheState() {
        String caseId = opened("investor-d");
        propose(caseId, Cases.terms()).expectStatus().isCreated();
        accept("investor-d", caseId, 1).expectStatus().isOk();
        propose(caseId, Cases.terms()).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentState").isEqualTo("AGREED");
        accept("investor-d", caseId, 1).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("AGREED");
    }

    @Test
    void invalidTermsAreRefusedFieldByFieldAndNothingIsStored() {
        String caseId = opened("investor-e");
        Map<String, Object> bad = Cases.terms("12.345");
        bad.put("currency", "euro");
        bad.put("jobs", -1);
        bad.put("landingDeadline", LocalDate.now().minusDays(2).toString());
        propose(caseId, bad).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'investmentAmount')]").exists()
                .jsonPath("$.errors[?(@.field == 'currency')]").exists()
                .jsonPath("$.errors[?(@.field == 'jobs')]").exists()
                .jsonPath("$.errors[?(@.field == 'landingDeadline')]").exists();
        propose(caseId, Cases.terms("-5")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'investmentAmount')]").exists();
        as("investor-e", "INVESTOR", HttpMethod.GET, "/api/negotiations/" + caseId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.versions.length()").isEqualTo(0).jsonPath("$.status").isEqualTo("OPEN");
    }

    @Test
    void anotherInvestorsNegotiationAnswersLikeOneThatDoesNotExist() {
        String caseId = opened("investor-f");
        propose(caseId, Cases.terms()).expectStatus().isCreated();
        as("investor-g", "INVESTOR", HttpMethod.GET, "/api/negotiations/" + caseId).exchange().expectStatus().isNotFound();
        accept("investor-g", caseId, 1).expectStatus().isNotFound();
        as("investor-g", "INVESTOR", HttpMethod.GET, "/api/negotiations/CQ-2026-999999").exchange().expectStatus().isNotFound();
        accept("investor-g", "CQ-2026-999999", 1).expectStatus().isNotFound();
        as("investor-f", "INVESTOR", HttpMethod.GET, "/api/negotiations/" + caseId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("OPEN");
    }

    @Test
    void proposingOnAnUnknownCaseIsNotFound() {
        propose("CQ-2026-999998", Cases.terms()).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void thePartiesProposeTheOtherPartyAcceptsAndOnlyKnownCallersAreServed() {
        String caseId = opened("investor-h");
        as("leader-wang", "LEADER", HttpMethod.POST, "/api/negotiations/" + caseId + "/proposals")
                .bodyValue(Cases.terms()).exchange().expectStatus().isForbidden();
        propose(caseId, Cases.terms()).expectStatus().isCreated();
        as("officer-li", "OFFICER", HttpMethod.POST, "/api/negotiations/" + caseId + "/proposals/1/acceptance")
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("your own proposal"));
        http.get().uri("/api/negotiations/" + caseId).exchange().expectStatus().isUnauthorized()
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
