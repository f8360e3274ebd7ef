package org.investflow.tracking.pipeline;

import org.investflow.platform.testkit.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.tracking.TrackingFixtures.as;
import static org.investflow.tracking.TrackingFixtures.freshCaseId;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.testkit.GoldenEvents;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.platform.testkit.TestIssuer;
import org.investflow.tracking.TestClock;
import org.investflow.tracking.TrackingServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The pipeline table as CSV: three cases in a district of their own whose name needs RFC 4180 quoting
 * (a comma, a quote) and is partly Chinese.
 * <pre>
 *  case  opened (hours after T)   facts                                    country
 *  P     0                        INTENTION 0, SCREENED 10, NEGOTIATING 30   DE
 *  Q     5                        INTENTION 5, REJECTED 8                    DE
 *  R     2                        INTENTION 2                                FR
 * </pre>
 * At T + 4 days 7 hours: P has waited 3 days in NEGOTIATING, R 4 days in INTENTION, Q 3 days in REJECTED.
 * Rows come opened first: P, R, Q.
 */
@TrackingServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineExportTest {

    static final Instant T = Instant.parse("2029-03-01T00:00:00Z");
    static final long HOUR = 3600;
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final String HEADER = "caseId,stage,country,industryCode,district,enteredAt.INTENTION,enteredAt.SCREENED,"
            + "enteredAt.NEGOTIATING,enteredAt.AGREED,enteredAt.CONTRACTED,enteredAt.LANDED,enteredAt.OPERATING,"
            + "enteredAt.REJECTED,enteredAt.WITHDRAWN,enteredAt.NEGOTIATION_FAILED,daysInStage,committedAmount,committedCurrency,"
            + "committedJobs,realisedAmount,jobsCreated,constructionStartedAt,overdueMilestones\r\n";
    static final String NO_FIGURES = ",,,,,,,";

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    WebTestClient http;
    final String district = "两江新区, \"Export\" " + UUID.randomUUID();
    final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    void publishTheFixture() {
        http = LocalClient.to(port);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(submitted("P", "DE", 0));
        records.add(submitted("Q", "DE", 5));
        records.add(submitted("R", "FR", 2));
        records.add(fact("P", IntakeEvents.CATALOG, IntakeEvents.INTENTION_SCREENED, 10));
        records.add(fact("P", NegotiationEvents.CATALOG, NegotiationEvents.NEGOTIATION_OPENED, 30));
        records.add(fact("Q", IntakeEvents.CATALOG, IntakeEvents.INTENTION_REJECTED, 8));
        records.forEach(SharedInfrastructure::send);
    }

    private ProducerRecord<String, byte[]> submitted(String name, String country, long hours) {
        ids.put(name, freshCaseId());
        Map<String, Object> overrides = Map.of("caseId", ids.get(name), "investorId", "investor-" + name,
                "district", district, "country", country, "occurredAt", at(hours).toString());
        return GoldenEvents.record(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED, "submitted-" + ids.get(name), overrides);
    }

    private ProducerRecord<String, byte[]> fact(String name, EventCatalog catalog, String type, long hours) {
        Map<String, Object> overrides = Map.of("caseId", ids.get(name), "investorId", "investor-" + name,
                "occurredAt", at(hours).toString());
        return GoldenEvents.record(catalog, type, type + "-" + ids.get(name), overrides);
    }

    private static Instant at(long hours) {
        return T.plusSeconds(hours * HOUR);
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** GET the CSV as a leader with the district filter (strictly encoded) plus {@code more} query parameters. */
    private EntityExchangeResult<byte[]> export(String more) {
        return http.get().uri("/api/pipeline/cases.csv?district={district}" + more, district)
                .headers(h -> h.setBearerAuth(TestIssuer.token("leader-wang", "LEADER")))
                .exchange().expectStatus().isOk().expectBody().returnResult();
    }

    private String csv(String more) {
        return new String(export(more).getResponseBodyContent(), StandardCharsets.UTF_8);
    }

    private void awaitFixture() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(csv("")).contains("NEGOTIATING").contains("REJECTED").contains(ids.get("R")));
    }

    @Test
    void oneQuotedRowPerCaseOpenedFirstWithEntryTimesAndDaysInStage() {
        awaitFixture();
        clock.set(at(30).plus(Duration.ofDays(3)).plusSeconds(HOUR));
        EntityExchangeResult<byte[]> result = export("");
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(CSV);

        String quoted = "\"两江新区, \"\"Export\"\" " + district.substring(district.lastIndexOf(' ') + 1) + "\"";
        assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8)).isEqualTo(HEADER
                + ids.get("P") + ",NEGOTIATING,DE,C29," + quoted + "," + at(0) + "," + at(10) + "," + at(30) + ",,,,,,,,3" + NO_FIGURES + "\r\n"
                + ids.get("R") + ",INTENTION,FR,C29," + quoted + "," + at(2) + ",,,,,,,,,,4" + NO_FIGURES + "\r\n"
                + ids.get("Q") + ",REJECTED,DE,C29," + quoted + "," + at(5) + ",,,,,,," + at(8) + ",,,3" + NO_FIGURES + "\r\n");
    }

    @Test
    void theFiltersOfTheFunnelNarrowTheTable() {
        awaitFixture();
        assertThat(csv("&country=FR").lines()).hasSize(2).last().asString().startsWith(ids.get("R") + ",");
        assertThat(csv("&from=2029-03-01&to=2029-03-01").lines()).hasSize(4);
        assertThat(csv("&from=2029-03-02").lines()).containsExactly(HEADER.strip());
        assertThat(csv("&industryCode=A01").lines()).containsExactly(HEADER.strip());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/pipeline/cases.csv?country=de", "/api/pipeline/cases.csv?industryCode=X99",
            "/api/pipeline/cases.csv?from=2026-13-01", "/api/pipeline/cases.csv?to=yesterday",
            "/api/pipeline/cases.csv?from=2026-05-02&to=2026-05-01", "/api/pipeline/cases.csv?district="})
    void badFiltersAreRefusedWithAProblem(String path) {
        as(http, "leader-wang", "LEADER", HttpMethod.GET, path).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anInvestorIsRefusedWithAProblemEvenWhenAskingForCsv() {
        http.get().uri("/api/pipeline/cases.csv").accept(CSV)
                .headers(h -> h.setBearerAuth(TestIssuer.token("investor-p", "INVESTOR")))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
