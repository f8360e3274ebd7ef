package org.investflow.tracking.pipeline;

import org.investflow.platform.testkit.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.tracking.TrackingFixtures.as;
import static org.investflow.tracking.TrackingFixtures.freshCaseId;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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
import org.investflow.signing.events.SigningEvents;
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
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Funnel counts, conversion, time in stage and the stalled list, against a hand-computed fixture of
 * six cases in a district of their own, published newest fact first with every fact delivered twice.
 * <pre>
 *  case  facts (hours after T)                                 current
 *  A     INTENTION 0, SCREENED 10, NEGOTIATING 20, AGREED 50,    CONTRACTED   (country FR)
 *        CONTRACTED 60
 *  B     INTENTION 0, SCREENED 20, NEGOTIATING 30                NEGOTIATING
 *  C     INTENTION 0, SCREENED 30                                SCREENED
 *  D     INTENTION 0, REJECTED 5                                 REJECTED
 *  E     INTENTION 0                                             INTENTION
 *  F     INTENTION 0, SCREENED 40, NEGOTIATING 60, AGREED 70     AGREED
 * </pre>
 * Time in INTENTION: 5, 10, 20, 30, 40 h → median 20 h, p90 40 h; SCREENED: 10, 10, 20 → 10, 20;
 * NEGOTIATING: 10, 30 → 10, 30; AGREED: 10 → 10, 10.
 */
@TrackingServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineAnalyticsTest {

    static final Instant T = Instant.parse("2029-01-01T00:00:00Z");
    static final long HOUR = 3600;

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    PipelineService pipeline;

    WebTestClient http;
    final String district = "Analytics District " + UUID.randomUUID();
    final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    void publishTheFixture() {
        http = LocalClient.to(port);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.addAll(submitted("A", "FR"));
        records.addAll(submitted("B", "DE"));
        records.addAll(submitted("C", "DE"));
        records.addAll(submitted("D", "DE"));
        records.addAll(submitted("E", "DE"));
        records.addAll(submitted("F", "DE"));
        records.add(fact("A", IntakeEvents.CATALOG, IntakeEvents.INTENTION_SCREENED, 10));
        records.add(fact("A", NegotiationEvents.CATALOG, NegotiationEvents.NEGOTIATION_OPENED, 20));
        records.add(fact("A", NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED, 50));
        records.add(fact("A", SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED, 60));
        records.add(fact("B", IntakeEvents.CATALOG, IntakeEvents.INTENTION_ACCEPTED, 20));
        records.add(fact("B", NegotiationEvents.CATALOG, NegotiationEvents.NEGOTIATION_OPENED, 30));
        records.add(fact("C", IntakeEvents.CATALOG, IntakeEvents.INTENTION_SCREENED, 30));
        records.add(fact("D", IntakeEvents.CATALOG, IntakeEvents.INTENTION_REJECTED, 5));
        records.add(fact("F", IntakeEvents.CATALOG, IntakeEvents.INTENTION_SCREENED, 40));
        records.add(fact("F", IntakeEvents.CATALOG, IntakeEvents.INTENTION_ACCEPTED, 45));
        records.add(fact("F", NegotiationEvents.CATALOG, NegotiationEvents.NEGOTIATION_OPENED, 60));
        records.add(fact("F", NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED, 70));
        List<ProducerRecord<String, byte[]>> newestFirst = new ArrayList<>(records);
        java.util.Collections.reverse(newestFirst);
        newestFirst.addAll(records);
        newestFirst.forEach(SharedInfrastructure::send);
    }

    private List<ProducerRecord<String, byte[]>> submitted(String name, String country) {
        ids.put(name, freshCaseId());
        Map<String, Object> overrides = Map.of("caseId", ids.get(name), "investorId", "investor-" + name,
                "district", district, "country", country, "occurredAt", T.toString());
        return List.of(GoldenEvents.record(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED, "submitted-" + ids.get(name), overrides));
    }

    private ProducerRecord<String, byte[]> fact(String name, EventCatalog catalog, String type, long hours) {
        Map<String, Object> overrides = Map.of("caseId", ids.get(name), "investorId", "investor-" + name,
                "occurredAt", T.plusSeconds(hours * HOUR).toString());
        return GoldenEvents.record(catalog, type, type + "-" + ids.get(name), overrides);
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    Funnel funnel(String query) {
        return as(http, "leader-wang", "LEADER", HttpMethod.GET, "/api/pipeline/funnel?" + query).exchange()
                .expectStatus().isOk().expectBody(Funnel.class).returnResult().getResponseBody();
    }

    static FunnelStage row(Funnel funnel, PipelineStage stage) {
        return funnel.stages().stream().filter(row -> row.stage() == stage).findFirst().orElseThrow();
    }

    void awaitFixture() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Funnel funnel = funnel("district=" + district);
            assertThat(row(funnel, PipelineStage.INTENTION).reached()).isEqualTo(6);
            assertThat(funnel.stages()).extracting(FunnelStage::current).containsExactly(1L, 1L, 1L, 1L, 1L, 0L, 0L, 1L, 0L, 0L);
            assertThat(row(funnel, PipelineStage.AGREED).medianSeconds()).isEqualTo(10 * HOUR);
        });
    }

    @Test
    void countsConversionAndTimeInStageMatchTheHandComputedFixture() {
        awaitFixture();
        Funnel funnel = funnel("district=" + district);
        assertThat(funnel.stages()).extracting(FunnelStage::reached).containsExactly(6L, 4L, 3L, 2L, 1L, 0L, 0L, 1L, 0L, 0L);
        assertThat(funnel.stages()).extracting(FunnelStage::conversion).containsExactly(null, new BigDecimal("0.6667"),
                new BigDecimal("0.7500"), new BigDecimal("0.6667"), new BigDecimal("0.5000"), new BigDecimal("0.0000"), null,
                new BigDecimal("0.1667"), new BigDecimal("0.0000"), new BigDecimal("0.0000"));
        assertThat(funnel.stages()).extracting(FunnelStage::medianSeconds)
                .containsExactly(20 * HOUR, 10 * HOUR, 10 * HOUR, 10 * HOUR, null, null, null, null, null, null);
        assertThat(funnel.stages()).extracting(FunnelStage::p90Seconds)
                .containsExactly(40 * HOUR, 20 * HOUR, 30 * HOUR, 10 * HOUR, null, null, null, null, null, null);
    }

    @Test
    void filtersByCountryAndPeriodNarrowTheFunnel() {
        awaitFixture();
        Funnel french = funnel("district=" + district + "&country=FR");
        assertThat(french.stages()).extracting(FunnelStage::reached).containsExactly(1L, 1L, 1L, 1L, 1L, 0L, 0L, 0L, 0L, 0L);
        assertThat(row(funnel("district=" + district + "&from=2029-01-01&to=2029-01-01"), PipelineStage.INTENTION).reached())
                .isEqualTo(6);
        assertThat(row(funnel("district=" + district + "&from=2029-01-02"), PipelineStage.INTENTION).reached()).isZero();
        assertThat(row(funnel("district=" + district + "&to=2028-12-31"), PipelineStage.INTENTION).reached()).isZero();
        assertThat(row(funnel("district=" + district + "&industryCode=C29"), PipelineStage.INTENTION).reached()).isEqualTo(6);
        assertThat(row(funnel("district=" + district + "&industryCode=A01"), PipelineStage.INTENTION).reached()).isZero();
    }

    @Test
    void theStalledListNamesCasesWithoutATransitionForThirtyDaysLongestWaitingFirst() {
        awaitFixture();
        clock.set(T.plus(Duration.ofDays(32)));
        List<StalledCase> stalled = stalled();
        assertThat(stalled).extracting(StalledCase::caseId).containsExactly(ids.get("E"),
                min(ids.get("B"), ids.get("C")), max(ids.get("B"), ids.get("C")));
        assertThat(stalled.get(0).days()).isEqualTo(32);
        assertThat(stalled.get(0).stage()).isEqualTo(PipelineStage.INTENTION);
        long stalledAt32Days = awaitStalledCountEqualsTheRecount();

        clock.set(T.plus(Duration.ofDays(40)));
        assertThat(stalled()).extracting(StalledCase::caseId).containsExactlyInAnyOrder(ids.get("A"), ids.get("B"),
                ids.get("C"), ids.get("E"), ids.get("F"));
        long stalledAt40Days = awaitStalledCountEqualsTheRecount();
        clock.set(T.plus(Duration.ofDays(20)));
        assertThat(stalled()).isEmpty();
        long stalledAt20Days = awaitStalledCountEqualsTheRecount();
        assertThat(stalledAt32Days - stalledAt20Days).as("this fixture's cases stalled at 32 days").isGreaterThanOrEqualTo(3);
        assertThat(stalledAt40Days - stalledAt20Days).as("this fixture's cases stalled at 40 days").isGreaterThanOrEqualTo(5);
    }

    /** The gauge's count (two tally documents) equals the count of the stored cases, once other tests' events are in. */
    private long awaitStalledCountEqualsTheRecount() {
        AtomicLong tallied = new AtomicLong();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            tallied.set(pipeline.countStalled().block(Duration.ofSeconds(10)));
            assertThat(tallied.get()).isEqualTo(pipeline.recountStalled().block(Duration.ofSeconds(10)));
        });
        return tallied.get();
    }

    private List<StalledCase> stalled() {
        return as(http, "officer-li", "OFFICER", HttpMethod.GET, "/api/pipeline/stalled?district=" + district).exchange()
                .expectStatus().isOk().expectBodyList(StalledCase.class).returnResult().getResponseBody();
    }

    private static String min(String a, String b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static String max(String a, String b) {
        return a.compareTo(b) < 0 ? b : a;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/pipeline/funnel?country=de", "/api/pipeline/funnel?country=DEU",
            "/api/pipeline/funnel?industryCode=X99", "/api/pipeline/funnel?from=2026-13-01",
            "/api/pipeline/funnel?to=yesterday", "/api/pipeline/funnel?from=2026-05-02&to=2026-05-01",
            "/api/pipeline/funnel?district=", "/api/pipeline/stalled?limit=0", "/api/pipeline/stalled?limit=501",
            "/api/pipeline/stalled?limit=many", "/api/pipeline/stalled?from=2026-02-30",
            "/api/pipeline/figures?country=de", "/api/pipeline/figures?industryCode=X99", "/api/pipeline/figures?district=",
            "/api/pipeline/figures?from=2026-05-02&to=2026-05-01", "/api/pipeline/figures?to=soon",
            "/api/pipeline/delayed?limit=0", "/api/pipeline/delayed?limit=501", "/api/pipeline/delayed?country=France",
            "/api/pipeline/delayed?from=2026-02-30"})
    void badFiltersAreRefusedWithAProblem(String path) {
        as(http, "leader-wang", "LEADER", HttpMethod.GET, path).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
