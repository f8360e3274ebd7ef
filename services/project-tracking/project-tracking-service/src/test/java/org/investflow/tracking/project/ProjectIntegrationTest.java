package org.investflow.tracking.project;

import org.investflow.platform.testkit.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.tracking.TrackingFixtures.as;
import static org.investflow.tracking.TrackingFixtures.awaitCaughtUp;
import static org.investflow.tracking.TrackingFixtures.executeContract;
import static org.investflow.tracking.TrackingFixtures.freshCaseId;
import static org.investflow.tracking.TrackingFixtures.publish;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.investflow.platform.testkit.GoldenEvents;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.platform.testkit.TopicProbe;
import org.investflow.signing.events.SigningEvents;
import org.investflow.tracking.TrackingServiceTest;
import org.investflow.tracking.events.TrackingEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

@TrackingServiceTest
class ProjectIntegrationTest {

    static final String OFFICER = "officer-li";

    @LocalServerPort
    int port;

    WebTestClient http;
    TopicProbe tracking;

    @BeforeEach
    void connect() {
        http = LocalClient.to(port);
        tracking = TopicProbe.of(TrackingEvents.TOPIC);
    }

    @AfterEach
    void disconnect() {
        tracking.close();
    }

    /** A project started from e-signature's golden ContractExecuted, for a fresh case of {@code investor}. */
    String startProject(String investor) {
        String caseId = freshCaseId();
        publish(SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED, caseId, investor);
        tracking.await(caseId, TrackingEvents.PROJECT_STARTED);
        return caseId;
    }

    ResponseSpec recordMilestone(String caseId, String milestone, LocalDate achievedOn) {
        return as(http, OFFICER, "OFFICER", HttpMethod.POST, "/api/projects/" + caseId + "/milestones")
                .bodyValue(Map.of("milestone", milestone, "achievedOn", achievedOn.toString())).exchange();
    }

    static LocalDate lastWeek() {
        return LocalDate.now().minusDays(7);
    }

    @Test
    void anExecutedContractStartsAProjectWithItsCommitmentAndPublishesProjectStarted() {
        String caseId = freshCaseId();
        publish(SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED, caseId, "investor-start");

        ConsumerRecord<String, byte[]> started = tracking.await(caseId, TrackingEvents.PROJECT_STARTED);
        assertThat(TopicProbe.header(started, "ce_source")).isEqualTo("/investflow/project-tracking");
        assertThat(TopicProbe.header(started, "ce_subject")).isEqualTo(caseId);
        assertThat(new String(started.value(), StandardCharsets.UTF_8)).contains("\"committedJobs\":350")
                .contains("\"landingDeadline\":\"2028-06-30\"").contains("\"investorId\":\"investor-start\"");
        as(http, "investor-start", "INVESTOR", HttpMethod.GET, "/api/projects/" + caseId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("IN_PROGRESS")
                .jsonPath("$.commitment.currency").isEqualTo("EUR")
                .jsonPath("$.commitment.amount").value(amount ->
                        assertThat(new BigDecimal(amount.toString())).isEqualByComparingTo("120000000.00"))
                .jsonPath("$.milestones").isEmpty();
    }

    @Test
    void milestonesUntilTheLandingRuleHoldsLandTheProjectAndPublishProjectLanded() {
        String caseId = startProject("investor-land");
        recordMilestone(caseId, "BUSINESS_REGISTERED", lastWeek()).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("IN_PROGRESS");
        recordMilestone(caseId, "CONSTRUCTION_STARTED", lastWeek()).expectStatus().isOk();
        recordMilestone(caseId, "CAPITAL_INJECTED", LocalDate.now()).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("LANDED").jsonPath("$.landedAt").exists();

        ConsumerRecord<String, byte[]> landed = tracking.await(caseId, TrackingEvents.PROJECT_LANDED);
        assertThat(new String(landed.value(), StandardCharsets.UTF_8)).contains("\"investorId\":\"investor-land\"");
        assertThat(tracking.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type"))
                .containsExactly(TrackingEvents.PROJECT_STARTED, TrackingEvents.MILESTONE_RECORDED,
                        TrackingEvents.MILESTONE_RECORDED, TrackingEvents.MILESTONE_RECORDED, TrackingEvents.PROJECT_LANDED);
    }

    @Test
    void aLandedProjectStartsOperatingButRecordsNoOtherMilestone() {
        String caseId = startProject("investor-operate");
        recordMilestone(caseId, "OPERATION_STARTED", lastWeek()).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentState").isEqualTo("IN_PROGRESS");
        recordMilestone(caseId, "BUSINESS_REGISTERED", lastWeek()).expectStatus().isOk();
        recordMilestone(caseId, "BUSINESS_REGISTERED", lastWeek()).expectStatus().isEqualTo(409);
        recordMilestone(caseId, "CONSTRUCTION_STARTED", lastWeek()).expectStatus().isOk();
        recordMilestone(caseId, "CAPITAL_INJECTED", lastWeek()).expectStatus().isOk();

        recordMilestone(caseId, "CAPITAL_INJECTED", lastWeek()).expectStatus().isEqualTo(409);
        recordMilestone(caseId, "OPERATION_STARTED", LocalDate.now()).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("OPERATING");
        tracking.await(record -> caseId.equals(record.key())
                && new String(record.value(), StandardCharsets.UTF_8).contains("OPERATION_STARTED"));
    }

    @Test
    void aRedeliveredContractStartsOneProjectAndPublishesOneProjectStarted() throws Exception {
        String caseId = freshCaseId();
        ProducerRecord<String, byte[]> executed = GoldenEvents.record(SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED,
                UUID.randomUUID().toString(), Map.of("caseId", caseId, "investorId", "investor-dup"));
        SharedInfrastructure.send(executed);
        SharedInfrastructure.send(executed);
        publish(SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED, caseId, "investor-dup");
        awaitCaughtUp("project-tracking", SigningEvents.TOPIC);

        recordMilestone(caseId, "BUSINESS_REGISTERED", lastWeek()).expectStatus().isOk();
        tracking.await(caseId, TrackingEvents.MILESTONE_RECORDED);
        assertThat(tracking.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type"))
                .containsExactly(TrackingEvents.PROJECT_STARTED, TrackingEvents.MILESTONE_RECORDED);
    }

    @Test
    void anInvalidMilestoneIsRefusedFieldByFieldAndNothingIsStored() {
        String caseId = startProject("investor-invalid");
        as(http, OFFICER, "OFFICER", HttpMethod.POST, "/api/projects/" + caseId + "/milestones")
                .bodyValue(Map.of("milestone", "GROUND_BROKEN", "achievedOn", LocalDate.now().plusDays(30).toString()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'milestone')]").exists()
                .jsonPath("$.errors[?(@.field == 'achievedOn')]").exists();
        as(http, OFFICER, "OFFICER", HttpMethod.POST, "/api/projects/" + caseId + "/milestones")
                .bodyValue(Map.of("milestone", "BUSINESS_REGISTERED")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'achievedOn')]").exists();
        as(http, OFFICER, "OFFICER", HttpMethod.GET, "/api/projects/" + caseId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.milestones").isEmpty();
    }

    @Test
    void anotherInvestorsProjectAnswersLikeOneThatDoesNotExist() {
        String caseId = startProject("investor-owner");
        as(http, "investor-other", "INVESTOR", HttpMethod.GET, "/api/projects/" + caseId).exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(http, "investor-other", "INVESTOR", HttpMethod.GET, "/api/projects/PT-2026-999999").exchange()
                .expectStatus().isNotFound();
        as(http, "leader-wang", "LEADER", HttpMethod.GET, "/api/projects/" + caseId).exchange().expectStatus().isOk();
        recordMilestone("PT-2026-999998", "BUSINESS_REGISTERED", lastWeek()).expectStatus().isNotFound();
    }

    @Test
    void theProjectIsAssignedToTheContractsOfficerAndOnlyTheyRecordItsMilestones() {
        String caseId = freshCaseId();
        executeContract(http, caseId, "investor-assigned", "officer-zhao");
        Map<String, String> body = Map.of("milestone", "BUSINESS_REGISTERED", "achievedOn", lastWeek().toString());

        as(http, OFFICER, "OFFICER", HttpMethod.GET, "/api/projects/" + caseId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.officerId").isEqualTo("officer-zhao");
        as(http, OFFICER, "OFFICER", HttpMethod.POST, "/api/projects/" + caseId + "/milestones").bodyValue(body)
                .exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(http, "officer-zhao", "OFFICER", HttpMethod.POST, "/api/projects/" + caseId + "/milestones").bodyValue(body)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.milestones[0].recordedBy").isEqualTo("officer-zhao");
    }

    @Test
    void theAuditTrailOfACaseListsWhoDidWhatInOrder() {
        String caseId = startProject("investor-audited");
        recordMilestone(caseId, "BUSINESS_REGISTERED", lastWeek()).expectStatus().isOk();
        as(http, "leader-wang", "LEADER", HttpMethod.GET, "/api/audit/cases/" + caseId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].type").isEqualTo(TrackingEvents.PROJECT_STARTED)
                .jsonPath("$[0].actorRole").isEqualTo("SYSTEM")
                .jsonPath("$[1].type").isEqualTo(TrackingEvents.MILESTONE_RECORDED)
                .jsonPath("$[1].actorId").isEqualTo(OFFICER)
                .jsonPath("$[1].actorRole").isEqualTo("OFFICER");
    }

    @Test
    void onlyOfficersRecordMilestonesAndOnlyKnownCallersAreServed() {
        String caseId = startProject("investor-roles");
        Map<String, String> body = Map.of("milestone", "BUSINESS_REGISTERED", "achievedOn", lastWeek().toString());
        as(http, "investor-roles", "INVESTOR", HttpMethod.POST, "/api/projects/" + caseId + "/milestones").bodyValue(body)
                .exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(http, "leader-wang", "LEADER", HttpMethod.POST, "/api/projects/" + caseId + "/milestones").bodyValue(body)
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/projects/" + caseId).exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextOneIsStillProcessed() {
        String poisonKey = freshCaseId();
        try (TopicProbe deadLetters = TopicProbe.of(SigningEvents.TOPIC + ".DLT")) {
            SharedInfrastructure.send(new ProducerRecord<>(SigningEvents.TOPIC, poisonKey, "not a cloud event".getBytes()));
            String caseId = startProject("investor-after-poison");
            ConsumerRecord<String, byte[]> dead = deadLetters.await(record -> poisonKey.equals(record.key()));
            assertThat(TopicProbe.header(dead, "kafka_dlt-exception-message")).contains("CloudEvent");
            as(http, OFFICER, "OFFICER", HttpMethod.GET, "/api/projects/" + caseId).exchange().expectStatus().isOk();
        }
    }

    @Test
    void healthAndPrometheusAreExposed() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("investflow_outbox_published"));
    }
}
