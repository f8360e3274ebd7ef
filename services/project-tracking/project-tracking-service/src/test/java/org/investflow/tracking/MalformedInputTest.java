package org.investflow.tracking;

import org.investflow.platform.testkit.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.tracking.TrackingFixtures.executeContract;
import static org.investflow.tracking.TrackingFixtures.freshCaseId;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.investflow.platform.domain.CaseId;
import org.investflow.platform.testkit.TestIssuer;
import org.investflow.platform.testkit.TopicProbe;
import org.investflow.tracking.events.TrackingEvents;
import org.investflow.tracking.project.Project;
import org.investflow.tracking.project.persistence.ProjectRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Fuzz-style edge test of project tracking's one write endpoint, {@code POST
 * /api/projects/{caseId}/milestones}, sent by the very officer the project is assigned to (so only
 * the body can be wrong): each malformed body is refused with a 4xx problem+json, and nothing is
 * stored or published. Absence is proven twice: the stored project's version, milestones and audit
 * history are unchanged, and after one valid milestone the case's records on {@code tracking.events}
 * are exactly ProjectStarted then MilestoneRecorded (a refused request's event would sit between
 * them, since one case's events share a partition and leave the outbox in order).
 * The endpoint carries no money, so "money as a string" is a commitment amount smuggled in as an
 * unknown property.
 */
@TrackingServiceTest
class MalformedInputTest {

    static final String INVESTOR = "investor-fuzz";
    static final String OFFICER = "officer-fuzz";
    static final String DAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(7).toString();
    static final String VALID = "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"" + DAY + "\"}";

    static TopicProbe tracking;

    @LocalServerPort
    int port;

    @Autowired
    ProjectRepository projects;

    WebTestClient http;

    @BeforeAll
    static void watchTheTopic() {
        tracking = TopicProbe.of(TrackingEvents.TOPIC);
    }

    @AfterAll
    static void stopWatching() {
        tracking.close();
    }

    @BeforeEach
    void connect() {
        http = LocalClient.to(port);
    }

    static Stream<Arguments> malformedBodies() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        return Stream.of(
                json("truncated JSON", "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":", 400),
                json("not JSON at all", "milestone=BUSINESS_REGISTERED&achievedOn=" + DAY, 400),
                json("an empty body", "", 400),
                json("an array instead of an object", "[" + VALID + "]", 400),
                json("a bare string", "\"BUSINESS_REGISTERED\"", 400),
                json("milestone as a number", "{\"milestone\":1,\"achievedOn\":\"" + DAY + "\"}", 400, "milestone"),
                json("milestone as an array", "{\"milestone\":[\"BUSINESS_REGISTERED\"],\"achievedOn\":\"" + DAY + "\"}", 400, "milestone"),
                json("milestone as an object", "{\"milestone\":{\"name\":\"BUSINESS_REGISTERED\"},\"achievedOn\":\"" + DAY + "\"}", 400, "milestone"),
                json("an unknown milestone", "{\"milestone\":\"GROUND_BROKEN\",\"achievedOn\":\"" + DAY + "\"}", 400, "milestone"),
                json("a lower-case milestone", "{\"milestone\":\"business_registered\",\"achievedOn\":\"" + DAY + "\"}", 400, "milestone"),
                json("achievedOn as a number (epoch day)", "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":20000}", 400, "achievedOn"),
                json("achievedOn as an array of numbers", "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":[2026,1,2]}", 400, "achievedOn"),
                json("achievedOn as a boolean", "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":true}", 400, "achievedOn"),
                json("achievedOn not a date", "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"last week\"}", 400, "achievedOn"),
                json("achievedOn not ISO", "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"02.01.2026\"}", 400, "achievedOn"),
                json("achievedOn after today", "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"" + tomorrow + "\"}", 400, "achievedOn"),
                json("money as a string (a commitment amount the endpoint does not take)",
                        "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"" + DAY + "\",\"committedAmount\":\"1000000.00\"}", 400, "committedAmount"),
                json("an unknown property reassigning the officer",
                        "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"" + DAY + "\",\"officerId\":\"officer-fuzz\"}", 400, "officerId"),
                json("an empty object", "{}", 400),
                json("milestone missing", "{\"achievedOn\":\"" + DAY + "\"}", 400, "milestone"),
                json("achievedOn missing", "{\"milestone\":\"BUSINESS_REGISTERED\"}", 400, "achievedOn"),
                json("milestone null", "{\"milestone\":null,\"achievedOn\":\"" + DAY + "\"}", 400, "milestone"),
                json("achievedOn null", "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":null}", 400, "achievedOn"),
                json("an over-long milestone", "{\"milestone\":\"" + "BUSINESS_REGISTERED".repeat(2_000) + "\",\"achievedOn\":\"" + DAY + "\"}", 400, "milestone"),
                json("an over-long achievedOn", "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"" + DAY + "x".repeat(10_000) + "\"}", 400, "achievedOn"),
                json("trailing tokens", VALID + " {}", 400),
                json("a trailing word", VALID + " and more", 400),
                json("a body over 64 KB", "{\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"" + DAY + "\",\"pad\":\""
                        + "x".repeat(70 * 1024) + "\"}", 413),
                Arguments.of("a valid body sent as text/plain", VALID, MediaType.TEXT_PLAIN, 415, null));
    }

    private static Arguments json(String name, String body, int status) {
        return Arguments.of(name, body, MediaType.APPLICATION_JSON, status, null);
    }

    /** A body refused with {@code status} whose problem names the offending {@code field}. */
    private static Arguments json(String name, String body, int status, String field) {
        return Arguments.of(name, body, MediaType.APPLICATION_JSON, status, field);
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("malformedBodies")
    void aMalformedMilestoneIsRefusedAsProblemAndNothingIsStoredOrPublished(String name, String body, MediaType type, int status,
                                                                            String field) {
        String caseId = freshCaseId();
        executeContract(http, caseId, INVESTOR, OFFICER);
        tracking.await(caseId, TrackingEvents.PROJECT_STARTED);
        Project before = projects.findById(caseId).block(Duration.ofSeconds(10));

        WebTestClient.BodyContentSpec problem = post(caseId, body, type).expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status);
        if (field != null) {
            problem.jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
        }

        Project after = projects.findById(caseId).block(Duration.ofSeconds(10));
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.evidence().milestones()).isEmpty();
        assertThat(after.history()).isEqualTo(before.history());
        assertOnlyTheValidMilestoneIsPublishedAfterwards(caseId);
    }

    private void assertOnlyTheValidMilestoneIsPublishedAfterwards(String caseId) {
        post(caseId, VALID, MediaType.APPLICATION_JSON).expectStatus().isOk();
        tracking.await(caseId, TrackingEvents.MILESTONE_RECORDED);
        assertThat(tracking.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type"))
                .containsExactly(TrackingEvents.PROJECT_STARTED, TrackingEvents.MILESTONE_RECORDED);
    }

    private WebTestClient.ResponseSpec post(String caseId, String body, MediaType type) {
        return http.post().uri("/api/projects/" + caseId + "/milestones")
                .headers(headers -> headers.setBearerAuth(TestIssuer.token(OFFICER, "OFFICER")))
                .contentType(type).bodyValue(body).exchange();
    }
}
