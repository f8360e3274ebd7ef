package org.investflow.tracking.pipeline;

import org.investflow.platform.testkit.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.tracking.TrackingFixtures.as;
import static org.investflow.tracking.TrackingFixtures.freshCaseId;
import static org.investflow.tracking.TrackingFixtures.publish;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.awaitility.Awaitility;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.messaging.InboundEvents;
import org.investflow.platform.testkit.GoldenEvents;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.signing.events.SigningEvents;
import org.investflow.tracking.TrackingServiceTest;
import org.investflow.tracking.pipeline.web.PipelineCaseView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

@TrackingServiceTest
class PipelineIntegrationTest {

    @LocalServerPort
    int port;

    WebTestClient http;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void connect() {
        http = LocalClient.to(port);
    }

    Funnel funnel() {
        return as(http, "leader-wang", "LEADER", HttpMethod.GET, "/api/pipeline/funnel").exchange()
                .expectStatus().isOk().expectBody(Funnel.class).returnResult().getResponseBody();
    }

    static FunnelStage row(Funnel funnel, PipelineStage stage) {
        return funnel.stages().stream().filter(row -> row.stage() == stage).findFirst().orElseThrow();
    }

    /** Asserts, eventually, how the funnel moved since {@code before} for {@code stage}. */
    void awaitDelta(Funnel before, PipelineStage stage, long current, long reached) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            FunnelStage now = row(funnel(), stage);
            assertThat(now.current() - row(before, stage).current()).as(stage + " current").isEqualTo(current);
            assertThat(now.reached() - row(before, stage).reached()).as(stage + " reached").isEqualTo(reached);
        });
    }

    PipelineCaseView caseView(String caseId) {
        return as(http, "officer-li", "OFFICER", HttpMethod.GET, "/api/pipeline/cases/" + caseId).exchange()
                .expectStatus().isOk().expectBody(PipelineCaseView.class).returnResult().getResponseBody();
    }

    void awaitCase(String caseId, Consumer<PipelineCaseView> expectation) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            int status = as(http, "officer-li", "OFFICER", HttpMethod.GET, "/api/pipeline/cases/" + caseId).exchange()
                    .returnResult(String.class).getStatus().value();
            assertThat(status).isEqualTo(200);
            expectation.accept(caseView(caseId));
        });
    }

    void recordMilestone(String caseId, String milestone) {
        as(http, "officer-li", "OFFICER", HttpMethod.POST, "/api/projects/" + caseId + "/milestones")
                .bodyValue(Map.of("milestone", milestone, "achievedOn", LocalDate.now().minusDays(1).toString()))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aCaseFedEveryServicesGoldenEventsIsCountedAtContractedAndThenAtLanded() {
        Funnel before = funnel();
        String caseId = freshCaseId();
        String investor = "investor-funnel";
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED, caseId, investor);
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_ACCEPTED, caseId, investor);
        publish(NegotiationEvents.CATALOG, NegotiationEvents.NEGOTIATION_OPENED, caseId, investor);
        publish(NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED, caseId, investor);
        publish(SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED, caseId, investor);

        awaitCase(caseId, view -> assertThat(view.enteredAt()).containsOnlyKeys(PipelineStage.INTENTION,
                PipelineStage.SCREENED, PipelineStage.NEGOTIATING, PipelineStage.AGREED, PipelineStage.CONTRACTED));
        PipelineCaseView contracted = caseView(caseId);
        assertThat(contracted.stage()).isEqualTo(PipelineStage.CONTRACTED);
        assertThat(contracted.profile()).isEqualTo(new CaseProfile("DE", "C29", "Liangjiang New Area"));
        assertThat(contracted.enteredAt().get(PipelineStage.CONTRACTED)).isEqualTo(Instant.parse("2026-04-12T10:15:00Z"));
        awaitDelta(before, PipelineStage.CONTRACTED, 1, 1);
        awaitDelta(before, PipelineStage.INTENTION, 0, 1);
        awaitDelta(before, PipelineStage.AGREED, 0, 1);

        recordMilestone(caseId, "BUSINESS_REGISTERED");
        recordMilestone(caseId, "CONSTRUCTION_STARTED");
        recordMilestone(caseId, "CAPITAL_INJECTED");
        awaitCase(caseId, view -> assertThat(view.stage()).isEqualTo(PipelineStage.LANDED));
        awaitDelta(before, PipelineStage.LANDED, 1, 1);
        awaitDelta(before, PipelineStage.CONTRACTED, 0, 1);

        recordMilestone(caseId, "OPERATION_STARTED");
        awaitCase(caseId, view -> assertThat(view.stage()).isEqualTo(PipelineStage.OPERATING));
        awaitDelta(before, PipelineStage.OPERATING, 1, 1);
    }

    /**
     * e-signature's golden examples off the topic: the agreement (2026-03-12), then its contract declined
     * (2026-04-10) reopens the negotiation; a contract voided as superseded changes nothing; the contract
     * executed (2026-04-12) moves the case on and carries the commitment into the case.
     */
    @Test
    void theProjectorTimesEachRecordFromItsPublicationAndEachBatchItHandled() {
        long delayedBefore = timed(InboundEvents.BATCH_DELAY);
        long handledBefore = timed(InboundEvents.BATCH_HANDLING);
        String caseId = freshCaseId();
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED, caseId, "investor-timed");
        awaitCase(caseId, view -> assertThat(view.stage()).isEqualTo(PipelineStage.INTENTION));

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(timed(InboundEvents.BATCH_DELAY)).as("records timed").isGreaterThan(delayedBefore);
            assertThat(timed(InboundEvents.BATCH_HANDLING)).as("batches timed").isGreaterThan(handledBefore);
        });
    }

    private long timed(String timer) {
        Timer found = meters.find(timer).tag("group", "project-tracking-pipeline").timer();
        return found == null ? 0 : found.count();
    }

    @Test
    void aDeclinedContractReopensTheNegotiationAndTheExecutedOneCarriesTheCommitment() {
        String caseId = freshCaseId();
        String investor = "investor-reopen";
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED, caseId, investor);
        publish(NegotiationEvents.CATALOG, NegotiationEvents.NEGOTIATION_OPENED, caseId, investor);
        publish(NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED, caseId, investor);
        awaitCase(caseId, view -> assertThat(view.stage()).isEqualTo(PipelineStage.AGREED));

        publish(SigningEvents.CATALOG, SigningEvents.CONTRACT_DECLINED, caseId, investor);
        awaitCase(caseId, view -> assertThat(view.stage()).isEqualTo(PipelineStage.NEGOTIATING));
        publish(SigningEvents.CATALOG, SigningEvents.CONTRACT_VOIDED, caseId, investor);
        publish(SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED, caseId, investor);

        awaitCase(caseId, view -> assertThat(view.stage()).isEqualTo(PipelineStage.CONTRACTED));
        PipelineCaseView contracted = caseView(caseId);
        assertThat(contracted.committed().amount()).isEqualByComparingTo("120000000.00");
        assertThat(contracted.committed().currency()).isEqualTo("EUR");
        assertThat(contracted.committed().jobs()).isEqualTo(350);
        assertThat(contracted.realised()).isNull();
    }

    @Test
    void aContractExecutedBeforeTheAcceptanceArrivedLeavesTheCaseContracted() {
        String caseId = freshCaseId();
        publish(SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED, caseId, "investor-late");
        awaitCase(caseId, view -> assertThat(view.stage()).isEqualTo(PipelineStage.CONTRACTED));

        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED, caseId, "investor-late");
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_ACCEPTED, caseId, "investor-late");
        awaitCase(caseId, view -> assertThat(view.enteredAt()).containsKey(PipelineStage.SCREENED));
        PipelineCaseView view = caseView(caseId);
        assertThat(view.stage()).isEqualTo(PipelineStage.CONTRACTED);
        assertThat(view.profile().country()).isEqualTo("DE");
    }

    @Test
    void aRedeliveredEventLeavesTheCaseAndTheCountsAsTheyWere() {
        String caseId = freshCaseId();
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> original = Map.of("caseId", caseId, "investorId", "investor-redelivered");
        SharedInfrastructure.send(GoldenEvents.record(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED, eventId, original));
        awaitCase(caseId, view -> assertThat(view.stage()).isEqualTo(PipelineStage.INTENTION));
        Funnel before = funnel();

        Map<String, Object> altered = Map.of("caseId", caseId, "investorId", "investor-redelivered",
                "district", "Yuzhong", "occurredAt", "2026-01-01T00:00:00Z");
        SharedInfrastructure.send(GoldenEvents.record(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED, eventId, altered));
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_ACCEPTED, caseId, "investor-redelivered");
        awaitCase(caseId, view -> assertThat(view.stage()).isEqualTo(PipelineStage.SCREENED));

        PipelineCaseView view = caseView(caseId);
        assertThat(view.profile().district()).isEqualTo("Liangjiang New Area");
        assertThat(view.enteredAt().get(PipelineStage.INTENTION)).isEqualTo(Instant.parse("2026-03-02T08:15:30Z"));
        awaitDelta(before, PipelineStage.INTENTION, -1, 0);
        awaitDelta(before, PipelineStage.SCREENED, 1, 1);
    }

    @Test
    void aRejectedIntentionLeavesTheFunnelForGood() {
        Funnel before = funnel();
        String caseId = freshCaseId();
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED, caseId, "investor-rejected");
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_REJECTED, caseId, "investor-rejected");
        awaitCase(caseId, view -> assertThat(view.stage()).isEqualTo(PipelineStage.REJECTED));
        publish(NegotiationEvents.CATALOG, NegotiationEvents.NEGOTIATION_OPENED, caseId, "investor-rejected");
        awaitCase(caseId, view -> assertThat(view.enteredAt()).containsKeys(PipelineStage.REJECTED, PipelineStage.NEGOTIATING));
        assertThat(caseView(caseId).stage()).isEqualTo(PipelineStage.REJECTED);
        awaitDelta(before, PipelineStage.REJECTED, 1, 1);
    }

    @Test
    void intakesGoldenWithdrawalTakesAScreenedCaseOutOfTheFunnel() {
        Funnel before = funnel();
        String caseId = freshCaseId();
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED, caseId, "investor-withdrawn");
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SCREENED, caseId, "investor-withdrawn");
        awaitCase(caseId, view -> assertThat(view.stage()).isEqualTo(PipelineStage.SCREENED));
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_WITHDRAWN, caseId, "investor-withdrawn");

        awaitCase(caseId, view -> assertThat(view.stage()).isEqualTo(PipelineStage.WITHDRAWN));
        assertThat(caseView(caseId).enteredAt().get(PipelineStage.WITHDRAWN)).isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));
        awaitDelta(before, PipelineStage.WITHDRAWN, 1, 1);
        awaitDelta(before, PipelineStage.SCREENED, 0, 1);
        awaitDelta(before, PipelineStage.INTENTION, 0, 1);
    }

    @Test
    void negotiationsGoldenFailureTakesANegotiatingCaseOutOfTheFunnel() {
        Funnel before = funnel();
        String caseId = freshCaseId();
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED, caseId, "investor-failed");
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_ACCEPTED, caseId, "investor-failed");
        publish(NegotiationEvents.CATALOG, NegotiationEvents.NEGOTIATION_OPENED, caseId, "investor-failed");
        publish(NegotiationEvents.CATALOG, NegotiationEvents.NEGOTIATION_FAILED, caseId, "investor-failed");

        awaitCase(caseId, view -> assertThat(view.enteredAt()).containsOnlyKeys(PipelineStage.INTENTION,
                PipelineStage.SCREENED, PipelineStage.NEGOTIATING, PipelineStage.NEGOTIATION_FAILED));
        PipelineCaseView failed = caseView(caseId);
        assertThat(failed.stage()).isEqualTo(PipelineStage.NEGOTIATION_FAILED);
        assertThat(failed.enteredAt().get(PipelineStage.NEGOTIATION_FAILED)).isEqualTo(Instant.parse("2026-04-10T02:30:00Z"));
        awaitDelta(before, PipelineStage.NEGOTIATION_FAILED, 1, 1);
        awaitDelta(before, PipelineStage.NEGOTIATING, 0, 1);
        awaitDelta(before, PipelineStage.AGREED, 0, 0);
    }

    @Test
    void aLateWithdrawalLeavesANegotiatingCaseNegotiatingAndIsCountedAsReached() {
        Funnel before = funnel();
        String caseId = freshCaseId();
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED, caseId, "investor-late-withdrawal");
        publish(NegotiationEvents.CATALOG, NegotiationEvents.NEGOTIATION_OPENED, caseId, "investor-late-withdrawal");
        awaitCase(caseId, view -> assertThat(view.stage()).isEqualTo(PipelineStage.NEGOTIATING));
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_WITHDRAWN, caseId, "investor-late-withdrawal");

        awaitCase(caseId, view -> assertThat(view.enteredAt()).containsKey(PipelineStage.WITHDRAWN));
        assertThat(caseView(caseId).stage()).isEqualTo(PipelineStage.NEGOTIATING);
        awaitDelta(before, PipelineStage.WITHDRAWN, 0, 1);
        awaitDelta(before, PipelineStage.NEGOTIATING, 1, 1);
    }

    @Test
    void theFunnelListsEveryStageInOrderWithExitsLast() {
        assertThat(funnel().stages()).extracting(FunnelStage::stage).containsExactly(PipelineStage.INTENTION,
                PipelineStage.SCREENED, PipelineStage.NEGOTIATING, PipelineStage.AGREED, PipelineStage.CONTRACTED,
                PipelineStage.LANDED, PipelineStage.OPERATING, PipelineStage.REJECTED, PipelineStage.WITHDRAWN,
                PipelineStage.NEGOTIATION_FAILED);
    }

    @Test
    void investorsSeeOnlyTheirOwnCaseAndNeverTheFunnel() {
        String caseId = freshCaseId();
        publish(IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED, caseId, "investor-own");
        awaitCase(caseId, view -> assertThat(view.investorId()).isEqualTo("investor-own"));

        as(http, "investor-own", "INVESTOR", HttpMethod.GET, "/api/pipeline/cases/" + caseId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.stage").isEqualTo("INTENTION");
        as(http, "investor-else", "INVESTOR", HttpMethod.GET, "/api/pipeline/cases/" + caseId).exchange()
                .expectStatus().isNotFound();
        as(http, "leader-wang", "LEADER", HttpMethod.GET, "/api/pipeline/cases/PT-2026-999997").exchange()
                .expectStatus().isNotFound();
        as(http, "investor-own", "INVESTOR", HttpMethod.GET, "/api/pipeline/funnel").exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/pipeline/funnel").exchange().expectStatus().isUnauthorized();
    }
}
