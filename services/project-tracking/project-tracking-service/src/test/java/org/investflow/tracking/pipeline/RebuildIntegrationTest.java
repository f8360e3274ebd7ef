package org.investflow.tracking.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.tracking.TrackingFixtures.as;
import static org.investflow.tracking.TrackingFixtures.awaitCaughtUp;
import static org.investflow.tracking.TrackingFixtures.freshCaseId;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.scheduling.SchedulerLease;
import org.investflow.platform.testkit.GoldenEvents;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.signing.events.SigningEvents;
import org.investflow.tracking.TrackingServiceTest;
import org.investflow.tracking.events.TrackingEvents;
import org.investflow.tracking.pipeline.persistence.rebuild.PipelineRebuild;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The read model rebuilt from the topics equals the live one: a fixture of twelve cases in a district of
 * their own (every stage, exits, a reopened negotiation, a capital increase, capital and jobs), published in a
 * shuffled order with duplicates, is read live; an admin's rebuild replays every topic from the beginning into
 * a fresh collection and swaps it in; every figure and every case document of the district is the same after.
 */
@TrackingServiceTest
class RebuildIntegrationTest {

    static final Instant T = Instant.parse("2031-05-01T00:00:00Z");
    static final String[] GROUPS = {"project-tracking-pipeline"};

    @LocalServerPort
    int port;
    @Autowired
    PipelineService pipeline;
    @Autowired
    SchedulerLease lease;
    @Autowired
    MeterRegistry meters;

    WebTestClient http;
    final String district = "Rebuild District " + UUID.randomUUID();
    final Map<String, String> ids = new HashMap<>();
    final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofMinutes(2)).build();
    }

    /** What a case document holds, for comparing live and rebuilt. */
    record Snapshot(String caseId, String investorId, PipelineStage stage, Map<PipelineStage, Instant> enteredAt,
                    Map<PipelineStage, Long> secondsInStage, Instant openedAt, Instant movedAt, CaseProfile profile,
                    CaseFact.Committed committed, CaseFact.Realised realised, CaseFact.JobsToDate jobs, Instant constructionStartedAt) {

        static Snapshot of(PipelineCase c) {
            return new Snapshot(c.caseId(), c.investorId(), c.stage(), c.enteredAt(), c.secondsInStage(), c.openedAt(), c.movedAt(),
                    c.profile(), c.committed(), c.realised(), c.jobsToDate(), c.constructionStartedAt());
        }
    }

    record Figures(Funnel funnel, CommissionFigures commission, List<Snapshot> cases) {
    }

    Figures figures() {
        PipelineFilter filter = new PipelineFilter(null, null, district, null, null);
        return new Figures(pipeline.funnel(filter).block(Duration.ofSeconds(10)), pipeline.figures(filter).block(Duration.ofSeconds(10)),
                pipeline.cases(filter).map(Snapshot::of).collectList().block(Duration.ofSeconds(10)));
    }

    @Test
    void theRebuiltReadModelEqualsTheLiveOneAndTheLiveListenersGoOnWritingIntoIt() throws Exception {
        publishFixture();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(figures().cases()).hasSize(12).allSatisfy(snapshot -> assertThat(snapshot.stage()).isNotNull()));
        awaitAllCaughtUp();
        Figures live = figures();
        assertThat(live.commission().contracted()).isEqualTo(4);
        long rebuildsBefore = meters.get("investflow.pipeline.rebuild.duration").timer().count();

        as(http, "admin-a", "ADMIN", HttpMethod.POST, "/api/pipeline/rebuild").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.cases").value(cases -> assertThat(((Number) cases).longValue()).isGreaterThanOrEqualTo(12))
                .jsonPath("$.duration").exists();

        assertThat(figures()).isEqualTo(live);
        assertThat(meters.get("investflow.pipeline.rebuild.duration").timer().count()).isEqualTo(rebuildsBefore + 1);

        String late = freshCaseId();
        SharedInfrastructure.send(GoldenEvents.record(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED,
                Map.of("caseId", late, "investorId", "investor-late", "district", district, "occurredAt", T.toString())));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(figures().cases()).hasSize(13));
    }

    @Test
    void aSecondRebuildWhileOneRunsIsRefused() {
        Integer status = lease.runExclusively("pipeline-rebuild", Duration.ofSeconds(10), Mono.fromCallable(() ->
                as(http, "admin-a", "ADMIN", HttpMethod.POST, "/api/pipeline/rebuild").exchange()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .returnResult(String.class).getStatus().value()).subscribeOn(Schedulers.boundedElastic()))
                .block(Duration.ofSeconds(30));
        assertThat(status).isEqualTo(409);
    }

    private void awaitAllCaughtUp() throws Exception {
        for (String topic : List.of(IntakeEvents.TOPIC, NegotiationEvents.TOPIC, SigningEvents.TOPIC, TrackingEvents.TOPIC)) {
            awaitCaughtUp("project-tracking-pipeline", topic);
        }
    }

    private void publishFixture() {
        for (int i = 1; i <= 12; i++) {
            String name = "r" + i;
            ids.put(name, freshCaseId());
            add(name, IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED, 0, Map.of("district", district));
        }
        add("r2", IntakeEvents.CATALOG, IntakeEvents.INTENTION_REJECTED, 4, Map.of());
        add("r3", IntakeEvents.CATALOG, IntakeEvents.INTENTION_WITHDRAWN, 6, Map.of());
        for (int i = 4; i <= 12; i++) {
            add("r" + i, IntakeEvents.CATALOG, IntakeEvents.INTENTION_ACCEPTED, 10 + i, Map.of());
        }
        for (int i = 5; i <= 12; i++) {
            add("r" + i, NegotiationEvents.CATALOG, NegotiationEvents.NEGOTIATION_OPENED, 30 + i, Map.of());
        }
        add("r6", NegotiationEvents.CATALOG, NegotiationEvents.NEGOTIATION_FAILED, 90, Map.of());
        for (int i = 7; i <= 12; i++) {
            add("r" + i, NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED, 60 + i, Map.of());
        }
        add("r8", SigningEvents.CATALOG, SigningEvents.CONTRACT_DECLINED, 100, Map.of());
        for (int i = 9; i <= 12; i++) {
            add("r" + i, SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED, 120 + i, Map.of());
        }
        add("r10", SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED, 400,
                Map.of("investmentAmount", new BigDecimal("150000000.00"), "jobs", 400));
        for (int i = 11; i <= 12; i++) {
            add("r" + i, TrackingEvents.CATALOG, TrackingEvents.MILESTONE_RECORDED, 150, Map.of("milestone", "CONSTRUCTION_STARTED"));
            add("r" + i, TrackingEvents.CATALOG, TrackingEvents.CAPITAL_INJECTED, 160, Map.of());
            add("r" + i, TrackingEvents.CATALOG, TrackingEvents.PROJECT_LANDED, 170 + i, Map.of());
            add("r" + i, TrackingEvents.CATALOG, TrackingEvents.JOBS_REPORTED, 180, Map.of());
        }
        add("r12", TrackingEvents.CATALOG, TrackingEvents.PROJECT_OPERATING, 300, Map.of());
        List<ProducerRecord<String, byte[]>> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(11));
        shuffled.addAll(records.subList(0, records.size() / 3));
        shuffled.forEach(SharedInfrastructure::send);
    }

    private void add(String name, EventCatalog catalog, String type, long hours, Map<String, Object> overrides) {
        Map<String, Object> fields = new HashMap<>(overrides);
        fields.put("caseId", ids.get(name));
        fields.put("investorId", "investor-" + name);
        fields.put("occurredAt", T.plusSeconds(hours * 3600).toString());
        records.add(GoldenEvents.record(catalog, type, type + "-" + ids.get(name) + "-" + hours, fields));
    }
}
