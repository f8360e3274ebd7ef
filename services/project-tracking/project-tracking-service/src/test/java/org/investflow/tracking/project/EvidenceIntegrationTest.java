package org.investflow.tracking.project;

import org.investflow.platform.testkit.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.tracking.TrackingFixtures.as;
import static org.investflow.tracking.TrackingFixtures.freshCaseId;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.investflow.platform.testkit.GoldenEvents;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.platform.testkit.TopicProbe;
import org.investflow.signing.events.SigningEvents;
import org.investflow.tracking.TestClock;
import org.investflow.tracking.TrackingServiceTest;
import org.investflow.tracking.events.TrackingEvents;
import org.investflow.tracking.project.scheduling.DelayWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * Corrections, jobs reports and the delay check over HTTP and Kafka, on projects started from
 * e-signature's golden ContractExecuted (EUR 120,000,000, 350 jobs, officer-li).
 */
@TrackingServiceTest
class EvidenceIntegrationTest {

    static final String OFFICER = "officer-li";
    static final String INVESTOR = "investor-evidence";

    @LocalServerPort
    int port;

    @Autowired
    DelayWatch delayWatch;

    @Autowired
    TestClock clock;

    WebTestClient http;
    TopicProbe tracking;

    @BeforeEach
    void connect() {
        http = LocalClient.to(port);
        tracking = TopicProbe.of(TrackingEvents.TOPIC);
    }

    @AfterEach
    void disconnect() {
        clock.reset();
        tracking.close();
    }

    String startProject(LocalDate landingDeadline) {
        return startProject(landingDeadline, Map.of());
    }

    /** Starts a project from the golden contract (tranches 40,000,000 then 80,000,000 EUR) with {@code contract} overriding it. */
    String startProject(LocalDate landingDeadline, Map<String, Object> contract) {
        String caseId = freshCaseId();
        Map<String, Object> overrides = new java.util.HashMap<>(contract);
        overrides.putAll(Map.of("caseId", caseId, "investorId", INVESTOR, "landingDeadline", landingDeadline.toString()));
        SharedInfrastructure.send(GoldenEvents.record(SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED, overrides));
        tracking.await(caseId, TrackingEvents.PROJECT_STARTED);
        return caseId;
    }

    ResponseSpec post(String caseId, String what, String json) {
        return as(http, OFFICER, "OFFICER", HttpMethod.POST, "/api/projects/" + caseId + "/" + what).bodyValue(json).exchange();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static String injection(String amount, String correction) {
        return "{\"amount\":" + amount + ",\"currency\":\"EUR\",\"injectedOn\":\"" + today().minusDays(3) + "\"" + correction + "}";
    }

    @Test
    void aCorrectedInjectionStaysVisibleAsSupersededAndTheRealisedCapitalIsRecomputed() {
        String caseId = startProject(LocalDate.of(2028, 6, 30));
        post(caseId, "capital-injections", injection("150000000.00", "")).expectStatus().isCreated()
                .expectBody().jsonPath("$.flags[0]").isEqualTo("CAPITAL_EXCEEDED");

        post(caseId, "capital-injections", injection("15000000.00",
                ",\"supersedes\":\"E1\",\"reason\":\"a zero too many: the bank statement says 15,000,000.00\""))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.capital.realised").isEqualTo(15000000.00)
                .jsonPath("$.flags").isEmpty()
                .jsonPath("$.capital.injections.length()").isEqualTo(2)
                .jsonPath("$.capital.injections[0].supersededBy").isEqualTo("E2")
                .jsonPath("$.capital.injections[1].supersedes").isEqualTo("E1");

        tracking.await(record -> caseId.equals(record.key())
                && new String(record.value(), StandardCharsets.UTF_8).contains("\"supersedes\":\"E1\""));
        post(caseId, "capital-injections", injection("1.00", ",\"supersedes\":\"E1\",\"reason\":\"again\""))
                .expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void jobsCreatedToDateAreRecordedCorrectedAndPublished() {
        String caseId = startProject(LocalDate.of(2028, 6, 30));
        post(caseId, "jobs", "{\"jobsCreated\":120,\"asOf\":\"" + today().minusDays(1) + "\"}").expectStatus().isCreated()
                .expectBody().jsonPath("$.jobs.created").isEqualTo(120).jsonPath("$.jobs.committed").isEqualTo(350);
        post(caseId, "jobs", "{\"jobsCreated\":102,\"asOf\":\"" + today().minusDays(1)
                + "\",\"supersedes\":\"E1\",\"reason\":\"contractors counted twice\"}").expectStatus().isCreated()
                .expectBody().jsonPath("$.jobs.created").isEqualTo(102).jsonPath("$.jobs.reports[0].supersededBy").isEqualTo("E2");

        tracking.await(record -> caseId.equals(record.key())
                && new String(record.value(), StandardCharsets.UTF_8).contains("\"jobsCreated\":102"));
        assertThat(tracking.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type"))
                .containsExactly(TrackingEvents.PROJECT_STARTED, TrackingEvents.JOBS_REPORTED, TrackingEvents.JOBS_REPORTED);
    }

    @Test
    void theScheduledCheckFlagsAProjectPastItsDeadlineAndTheMissingEvidenceClearsIt() {
        clock.set(java.time.Instant.now());
        String caseId = startProject(today().minusDays(10));
        post(caseId, "milestones", "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"" + today().minusDays(20) + "\"}")
                .expectStatus().isOk();

        assertThat(delayWatch.runOnce().block(Duration.ofSeconds(30))).isPositive();

        String delayed = new String(tracking.await(caseId, TrackingEvents.PROJECT_DELAYED).value(), StandardCharsets.UTF_8);
        assertThat(delayed).contains("[\"CONSTRUCTION_STARTED\",\"CAPITAL_INJECTED\"]");
        as(http, "leader-a", "LEADER", HttpMethod.GET, "/api/projects/delayed?limit=500").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.caseId == '" + caseId + "')].overdueMilestones[1]").isEqualTo("CAPITAL_INJECTED");
        as(http, INVESTOR, "INVESTOR", HttpMethod.GET, "/api/projects/" + caseId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.flags[0]").isEqualTo("DELAYED");

        post(caseId, "milestones", "{\"milestone\":\"CONSTRUCTION_STARTED\",\"achievedOn\":\"" + today().minusDays(2) + "\"}")
                .expectStatus().isOk();
        // the golden contract's first tranche: with a capital schedule, less does not count for landing
        post(caseId, "capital-injections", injection("40000000.00", "")).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("LANDED").jsonPath("$.flags").isEmpty();

        tracking.await(caseId, TrackingEvents.PROJECT_BACK_ON_TRACK);
        as(http, "leader-a", "LEADER", HttpMethod.GET, "/api/projects/delayed?limit=500").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.caseId == '" + caseId + "')]").doesNotExist();
        assertThat(tracking.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type")).containsExactly(
                TrackingEvents.PROJECT_STARTED, TrackingEvents.MILESTONE_RECORDED, TrackingEvents.PROJECT_DELAYED,
                TrackingEvents.MILESTONE_RECORDED, TrackingEvents.PROJECT_DELAYED, TrackingEvents.CAPITAL_INJECTED,
                TrackingEvents.PROJECT_LANDED, TrackingEvents.PROJECT_BACK_ON_TRACK);
    }

    @Test
    void aMilestonePastItsOwnContractDeadlineIsFlaggedBeforeTheLandingDeadline() {
        clock.set(java.time.Instant.now());
        Map<String, Object> deadlines = new java.util.HashMap<>();
        deadlines.put("businessRegistration", today().minusDays(5).toString());
        deadlines.put("constructionStart", today().plusDays(30).toString());
        String caseId = startProject(today().plusYears(1), Map.of("milestoneDeadlines", deadlines));
        as(http, INVESTOR, "INVESTOR", HttpMethod.GET, "/api/projects/" + caseId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.commitment.deadlines.businessRegistration").isEqualTo(today().minusDays(5).toString())
                .jsonPath("$.commitment.deadlines.firstCapitalInjection").doesNotExist()
                .jsonPath("$.commitment.tranches[0].amount").isEqualTo(40000000.0);

        assertThat(delayWatch.runOnce().block(Duration.ofSeconds(30))).isPositive();

        String delayed = new String(tracking.await(caseId, TrackingEvents.PROJECT_DELAYED).value(), StandardCharsets.UTF_8);
        assertThat(delayed).contains("[\"BUSINESS_REGISTERED\"]");
        post(caseId, "milestones", "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"" + today().minusDays(1) + "\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.flags").isEmpty();
        tracking.await(caseId, TrackingEvents.PROJECT_BACK_ON_TRACK);
    }

    @Test
    void aContractEventWithoutScheduleOrDeadlinesKeepsTheLandingDeadlineAndAnyInjectionCounts() {
        clock.set(java.time.Instant.now());
        Map<String, Object> oldEvent = new java.util.HashMap<>();
        oldEvent.put("tranches", null);
        oldEvent.put("milestoneDeadlines", null);
        String caseId = startProject(today().plusDays(1), oldEvent);
        delayWatch.runOnce().block(Duration.ofSeconds(30));
        post(caseId, "milestones", "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"" + today().minusDays(3) + "\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.flags").isEmpty();
        post(caseId, "milestones", "{\"milestone\":\"CONSTRUCTION_STARTED\",\"achievedOn\":\"" + today().minusDays(2) + "\"}")
                .expectStatus().isOk();

        post(caseId, "capital-injections", injection("1.00", "")).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("LANDED").jsonPath("$.commitment.tranches").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"jobsCreated\":-1,\"asOf\":\"2026-01-05\"}",
            "{\"jobsCreated\":1000001,\"asOf\":\"2026-01-05\"}",
            "{\"jobsCreated\":\"12\",\"asOf\":\"2026-01-05\"}",
            "{\"jobsCreated\":1.5,\"asOf\":\"2026-01-05\"}",
            "{\"asOf\":\"2026-01-05\"}",
            "{\"jobsCreated\":12}",
            "{\"jobsCreated\":12,\"asOf\":\"2999-01-05\"}",
            "{\"jobsCreated\":12,\"asOf\":\"05.01.2026\"}",
            "{\"jobsCreated\":12,\"asOf\":\"2026-01-05\",\"supersedes\":\"E1\"}",
            "{\"jobsCreated\":12,\"asOf\":\"2026-01-05\",\"reason\":\"no entry named\"}",
            "{\"jobsCreated\":12,\"asOf\":\"2026-01-05\",\"supersedes\":\"1\",\"reason\":\"bad id\"}",
            "{\"jobsCreated\":12,\"asOf\":\"2026-01-05\",\"supersedes\":\"E1\",\"reason\":\"\"}",
            "{\"jobsCreated\":12,\"asOf\":\"2026-01-05\",\"supersedes\":\"E7\",\"reason\":\"no such entry\"}",
            "{\"jobsCreated\":12,\"asOf\":\"2026-01-05\",\"bonus\":1}",
            "not json"})
    void badJobsBodiesAreRefusedWithAProblemAndNothingIsStored(String json) {
        String caseId = startProject(LocalDate.of(2028, 6, 30));
        post(caseId, "jobs", json).expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(http, OFFICER, "OFFICER", HttpMethod.GET, "/api/projects/" + caseId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.jobs.reports").isEmpty().jsonPath("$.jobs.created").isEqualTo(0);
        assertOnlyAValidReportIsPublishedAfterwards(caseId);
    }

    /** One case's events share a partition and leave the outbox in order: a refused request's event would come before this one. */
    private void assertOnlyAValidReportIsPublishedAfterwards(String caseId) {
        post(caseId, "jobs", "{\"jobsCreated\":3,\"asOf\":\"" + today() + "\"}").expectStatus().isCreated();
        tracking.await(caseId, TrackingEvents.JOBS_REPORTED);
        assertThat(tracking.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type"))
                .containsExactly(TrackingEvents.PROJECT_STARTED, TrackingEvents.JOBS_REPORTED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"2026-01-05\",\"supersedes\":\"E1\"}",
            "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"2026-01-05\",\"reason\":\"why\"}",
            "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"2026-01-05\",\"supersedes\":\"E1\",\"reason\":\"\"}",
            "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"2026-01-05\",\"supersedes\":5,\"reason\":\"why\"}",
            "{\"milestone\":\"CONSTRUCTION_STARTED\",\"achievedOn\":\"2026-01-05\",\"supersedes\":\"E1\",\"reason\":\"other kind\"}",
            "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"2026-01-05\",\"supersedes\":\"E9\",\"reason\":\"unknown\"}"})
    void badMilestoneCorrectionsAreRefusedAndTheRecordStaysAsItWas(String json) {
        String caseId = startProject(LocalDate.of(2028, 6, 30));
        post(caseId, "milestones", "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"2026-01-04\"}").expectStatus().isOk();
        post(caseId, "milestones", json).expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(http, OFFICER, "OFFICER", HttpMethod.GET, "/api/projects/" + caseId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.milestones.length()").isEqualTo(1)
                .jsonPath("$.milestones[0].supersededBy").doesNotExist();
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "501", "-1", "many"})
    void aBadLimitOfTheDelayedListIsRefused(String limit) {
        as(http, "leader-a", "LEADER", HttpMethod.GET, "/api/projects/delayed?limit=" + limit).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
