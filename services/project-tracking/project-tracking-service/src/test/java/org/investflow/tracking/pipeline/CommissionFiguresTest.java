package org.investflow.tracking.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.investflow.intake.events.IntakeEvents;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.messaging.IncomingEvent;
import org.investflow.signing.events.SigningEvents;
import org.investflow.tracking.TrackingFixtures;
import org.investflow.tracking.TrackingServiceTest;
import org.investflow.tracking.events.TrackingEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Leadership's figures against a hand-computed fixture of 24 cases in a district of their own, covering every
 * stage and exit, a reopened negotiation (declined, expired), a superseded contract, a capital increase, a
 * corrected injection and a currency without a configured rate. Every upstream fact is a producer's golden
 * example (ids, times and figures overridden) fed to the read model in a shuffled order, each one twice.
 * Hours after T (2030-03-01T00:00Z); every case: INTENTION 0, and when it goes on SCREENED 10, NEGOTIATING 20,
 * AGREED 50, CONTRACTED 60 unless said otherwise.
 * <pre>
 *  case  path                                                  current              contract / evidence
 *  c01   I                                                     INTENTION
 *  c02   I                                                     INTENTION
 *  c03   I S10                                                 SCREENED
 *  c04   I S20                                                 SCREENED
 *  c05   I R5                                                  REJECTED
 *  c06   I S10 R30                                             REJECTED
 *  c07   I W8                                                  WITHDRAWN
 *  c08   I S12 W20                                             WITHDRAWN
 *  c09   I S N                                                 NEGOTIATING
 *  c10   I S N F100                                            NEGOTIATION_FAILED
 *  c11   I S N F60                                             NEGOTIATION_FAILED
 *  c12   I S N A                                               AGREED
 *  c13   I S N A, contract declined 60                         NEGOTIATING (reopened)
 *  c14   I S N A, contract expired 70, agreed again 90         AGREED
 *  c15   I S N A C                                             CONTRACTED           EUR 10M, 100 jobs
 *  c16   … C, construction 100, realised EUR 5M                CONTRACTED           EUR 20M, 200 jobs
 *  c17   … C, construction, L200, realised CNY 50M, 80 jobs    LANDED               CNY 50M, 80 jobs
 *  c18   … C, construction, L150, realised USD 4M, 20 jobs     LANDED               USD 10M, 50 jobs
 *  c19   … C, construction, L120, O400, EUR 30M, 310 jobs (FR) OPERATING            EUR 30M, 300 jobs
 *  c20   … C, increase signed 500 (EUR 15M, 150), realised 12M CONTRACTED           EUR 15M, 150 jobs (latest)
 *  c21   … A, old contract voided SUPERSEDED 55, C             CONTRACTED           CNY 8M, 10 jobs
 *  c22   … C, construction, L100, realised 6M then 4.5M, 40 j  LANDED               EUR 5M, 40 jobs
 *  c23   … C                                                   CONTRACTED           CHF 1M, 5 jobs (no rate)
 *  c24   … C, construction, L90, O300, HKD 10M, 25 jobs (FR)   OPERATING            HKD 10M, 20 jobs
 * </pre>
 * Rates (project-tracking.yml): EUR 7.80, USD 7.20, HKD 0.92 CNY. Committed 763,200,000.00 CNY (CHF left out),
 * realised 489,700,000.00 → funds in place 0.6416; landed 5 of 10 contracted → 0.5000; construction 6 → 0.6000;
 * fulfilled (capital and jobs both reached): c17, c19, c24 → 0.3000; jobs committed 955, created 475.
 * Delays: c15 delayed at 300 and back on track at 350; c16 delayed at 300, narrowed to BUSINESS_REGISTERED at
 * 320; c20 delayed at 600 → the delayed list is c16, c20.
 */
@TrackingServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommissionFiguresTest {

    static final Instant T = Instant.parse("2030-03-01T00:00:00Z");

    @Autowired
    PipelineService pipeline;

    final String district = "Figures District " + UUID.randomUUID();
    final String prefix = String.format("FG-2030-%03d", new Random().nextInt(1000));
    final List<IncomingEvent> events = new ArrayList<>();

    @BeforeAll
    void feedTheFixtureShuffledAndTwice() {
        fixture();
        List<IncomingEvent> deliveries = new ArrayList<>(events);
        deliveries.addAll(events);
        Collections.shuffle(deliveries, new Random(7));
        deliveries.forEach(event -> pipeline.apply(event.data(), event.metadata()).block(Duration.ofSeconds(10)));
    }

    private void fixture() {
        intention("c01", 0);
        intention("c02", 0);
        screened("c03", 10);
        screened("c04", 20);
        intention("c05", 0);
        intake("c05", IntakeEvents.INTENTION_REJECTED, 5);
        screened("c06", 10);
        intake("c06", IntakeEvents.INTENTION_REJECTED, 30);
        intention("c07", 0);
        intake("c07", IntakeEvents.INTENTION_WITHDRAWN, 8);
        screened("c08", 12);
        intake("c08", IntakeEvents.INTENTION_WITHDRAWN, 20);
        negotiating("c09");
        negotiating("c10");
        add("c10", NegotiationEvents.CATALOG, NegotiationEvents.NEGOTIATION_FAILED, 100, Map.of());
        negotiating("c11");
        add("c11", NegotiationEvents.CATALOG, NegotiationEvents.NEGOTIATION_FAILED, 60, Map.of());
        agreed("c12", "DE");
        agreed("c13", "DE");
        add("c13", SigningEvents.CATALOG, SigningEvents.CONTRACT_DECLINED, 60, Map.of());
        agreed("c14", "DE");
        add("c14", SigningEvents.CATALOG, SigningEvents.CONTRACT_EXPIRED, 70, Map.of());
        add("c14", NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED, 90, Map.of());
        contracted("c15", "DE", "10000000.00", "EUR", 100);
        contracted("c16", "DE", "20000000.00", "EUR", 200);
        construction("c16", 100);
        realised("c16", "5000000.00", "EUR", 110);
        landedProject("c17", "DE", "50000000.00", "CNY", 80, 200, "50000000.00", 80);
        landedProject("c18", "DE", "10000000.00", "USD", 50, 150, "4000000.00", 20);
        landedProject("c19", "FR", "30000000.00", "EUR", 300, 120, "30000000.00", 310);
        operating("c19", 400);
        contracted("c20", "DE", "10000000.00", "EUR", 100);
        add("c20", SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED, 500,
                Map.of("investmentAmount", new BigDecimal("15000000.00"), "currency", "EUR", "jobs", 150));
        realised("c20", "12000000.00", "EUR", 520);
        agreed("c21", "DE");
        add("c21", SigningEvents.CATALOG, SigningEvents.CONTRACT_VOIDED, 55, Map.of());
        add("c21", SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED, 60,
                Map.of("investmentAmount", new BigDecimal("8000000.00"), "currency", "CNY", "jobs", 10));
        landedProject("c22", "DE", "5000000.00", "EUR", 40, 100, "6000000.00", 40);
        realised("c22", "4500000.00", "EUR", 130);
        contracted("c23", "DE", "1000000.00", "CHF", 5);
        add("c15", TrackingEvents.CATALOG, TrackingEvents.PROJECT_DELAYED, 300, Map.of());
        add("c15", TrackingEvents.CATALOG, TrackingEvents.PROJECT_BACK_ON_TRACK, 350, Map.of());
        add("c16", TrackingEvents.CATALOG, TrackingEvents.PROJECT_DELAYED, 300,
                Map.of("overdueMilestones", List.of("BUSINESS_REGISTERED", "CAPITAL_INJECTED")));
        add("c16", TrackingEvents.CATALOG, TrackingEvents.PROJECT_DELAYED, 320, Map.of("overdueMilestones", List.of("BUSINESS_REGISTERED")));
        add("c20", TrackingEvents.CATALOG, TrackingEvents.PROJECT_DELAYED, 600, Map.of());
        landedProject("c24", "FR", "10000000.00", "HKD", 20, 90, "10000000.00", 25);
        operating("c24", 300);
    }

    private void intention(String name, long hours) {
        intention(name, hours, "DE");
    }

    private void intention(String name, long hours, String country) {
        add(name, IntakeEvents.CATALOG, IntakeEvents.INTENTION_SUBMITTED, hours, Map.of("district", district, "country", country));
    }

    private void screened(String name, long hours) {
        screened(name, hours, "DE");
    }

    private void screened(String name, long hours, String country) {
        intention(name, 0, country);
        intake(name, IntakeEvents.INTENTION_SCREENED, hours);
    }

    private void intake(String name, String type, long hours) {
        add(name, IntakeEvents.CATALOG, type, hours, Map.of());
    }

    private void negotiating(String name) {
        negotiating(name, "DE");
    }

    private void negotiating(String name, String country) {
        screened(name, 10, country);
        add(name, NegotiationEvents.CATALOG, NegotiationEvents.NEGOTIATION_OPENED, 20, Map.of());
    }

    private void agreed(String name, String country) {
        negotiating(name, country);
        add(name, NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED, 50, Map.of());
    }

    private void contracted(String name, String country, String amount, String currency, int jobs) {
        agreed(name, country);
        add(name, SigningEvents.CATALOG, SigningEvents.CONTRACT_EXECUTED, 60,
                Map.of("investmentAmount", new BigDecimal(amount), "currency", currency, "jobs", jobs));
    }

    private void landedProject(String name, String country, String amount, String currency, int jobs, long landedAt,
                               String realised, int jobsCreated) {
        contracted(name, country, amount, currency, jobs);
        construction(name, landedAt - 10);
        realised(name, realised, currency, landedAt);
        add(name, TrackingEvents.CATALOG, TrackingEvents.PROJECT_LANDED, landedAt, Map.of());
        add(name, TrackingEvents.CATALOG, TrackingEvents.JOBS_REPORTED, landedAt + 1,
                Map.of("jobsCreatedToDate", jobsCreated, "jobsCreated", jobsCreated));
    }

    private void construction(String name, long hours) {
        add(name, TrackingEvents.CATALOG, TrackingEvents.MILESTONE_RECORDED, hours, Map.of("milestone", "CONSTRUCTION_STARTED"));
    }

    private void realised(String name, String amount, String currency, long hours) {
        add(name, TrackingEvents.CATALOG, TrackingEvents.CAPITAL_INJECTED, hours,
                Map.of("realisedAmount", new BigDecimal(amount), "amount", new BigDecimal(amount), "currency", currency));
    }

    private void operating(String name, long hours) {
        add(name, TrackingEvents.CATALOG, TrackingEvents.PROJECT_OPERATING, hours, Map.of());
    }

    /** A producer's golden example of {@code type} for the case {@code name}, at T + {@code hours}, with {@code overrides}. */
    private void add(String name, EventCatalog catalog, String type, long hours, Map<String, Object> overrides) {
        String caseId = caseId(name);
        Map<String, Object> fields = new HashMap<>(overrides);
        fields.put("caseId", caseId);
        fields.put("investorId", "investor-" + name);
        fields.put("occurredAt", T.plusSeconds(hours * 3600).toString());
        events.add(TrackingFixtures.golden(catalog, type, fields));
    }

    private String caseId(String name) {
        return prefix.substring(0, 8) + String.format("%06d", Integer.parseInt(prefix.substring(8)) * 100
                + Integer.parseInt(name.substring(1)));
    }

    private PipelineFilter all() {
        return new PipelineFilter(null, null, district, null, null);
    }

    @Test
    void theFunnelCountsEveryCaseOnceInEveryStageItReached() {
        Map<PipelineStage, FunnelStage> rows = rows(all());
        long[][] expected = {
                {2, 24}, {2, 20}, {2, 16}, {2, 13}, {5, 10}, {3, 5}, {2, 2}, {2, 2}, {2, 2}, {2, 2}};
        PipelineStage[] stages = {PipelineStage.INTENTION, PipelineStage.SCREENED, PipelineStage.NEGOTIATING, PipelineStage.AGREED,
                PipelineStage.CONTRACTED, PipelineStage.LANDED, PipelineStage.OPERATING, PipelineStage.REJECTED,
                PipelineStage.WITHDRAWN, PipelineStage.NEGOTIATION_FAILED};
        for (int i = 0; i < stages.length; i++) {
            assertThat(rows.get(stages[i]).current()).as("current " + stages[i]).isEqualTo(expected[i][0]);
            assertThat(rows.get(stages[i]).reached()).as("reached " + stages[i]).isEqualTo(expected[i][1]);
        }
    }

    @Test
    void conversionIsReachedOverReachedAtThePredecessor() {
        Map<PipelineStage, FunnelStage> rows = rows(all());
        assertThat(rows.get(PipelineStage.INTENTION).conversion()).isNull();
        assertThat(rows.get(PipelineStage.SCREENED).conversion()).isEqualByComparingTo("0.8333");
        assertThat(rows.get(PipelineStage.NEGOTIATING).conversion()).isEqualByComparingTo("0.8000");
        assertThat(rows.get(PipelineStage.AGREED).conversion()).isEqualByComparingTo("0.8125");
        assertThat(rows.get(PipelineStage.CONTRACTED).conversion()).isEqualByComparingTo("0.7692");
        assertThat(rows.get(PipelineStage.LANDED).conversion()).isEqualByComparingTo("0.5000");
        assertThat(rows.get(PipelineStage.OPERATING).conversion()).isEqualByComparingTo("0.4000");
        assertThat(rows.get(PipelineStage.REJECTED).conversion()).isEqualByComparingTo("0.0833");
        assertThat(rows.get(PipelineStage.WITHDRAWN).conversion()).isEqualByComparingTo("0.0833");
        assertThat(rows.get(PipelineStage.NEGOTIATION_FAILED).conversion()).isEqualByComparingTo("0.1250");
    }

    /**
     * Left INTENTION: 5, 8, 10 ×18, 12, 20 h; SCREENED: 8, 10 ×16, 20; NEGOTIATING: 30 ×13, 40, 80 (c13 left it once,
     * for its first agreement); AGREED: 10 ×10; CONTRACTED: 30, 40, 60, 90, 140; LANDED: 210, 280.
     */
    @Test
    void medianAndP90TimeInStageAreNearestRank() {
        Map<PipelineStage, FunnelStage> rows = rows(all());
        assertThat(hours(rows.get(PipelineStage.INTENTION))).containsExactly(10L, 10L);
        assertThat(hours(rows.get(PipelineStage.SCREENED))).containsExactly(10L, 10L);
        assertThat(hours(rows.get(PipelineStage.NEGOTIATING))).containsExactly(30L, 40L);
        assertThat(hours(rows.get(PipelineStage.AGREED))).containsExactly(10L, 10L);
        assertThat(hours(rows.get(PipelineStage.CONTRACTED))).containsExactly(60L, 140L);
        assertThat(hours(rows.get(PipelineStage.LANDED))).containsExactly(210L, 280L);
        assertThat(rows.get(PipelineStage.OPERATING).medianSeconds()).isNull();
    }

    @Test
    void theCommissionsRatiosCapitalAndJobsMatchTheHandComputedFigures() {
        CommissionFigures figures = pipeline.figures(all()).block(Duration.ofSeconds(10));

        assertThat(figures.contracted()).isEqualTo(10);
        assertThat(figures.landed()).isEqualTo(5);
        assertThat(figures.constructionStarted()).isEqualTo(6);
        assertThat(figures.fulfilled()).isEqualTo(3);
        assertThat(figures.landingRate()).isEqualByComparingTo("0.5000");
        assertThat(figures.constructionStartRate()).isEqualByComparingTo("0.6000");
        assertThat(figures.fundsInPlaceRate()).isEqualByComparingTo("0.6416");
        assertThat(figures.contractFulfilmentRate()).isEqualByComparingTo("0.3000");
        assertThat(figures.capital().currency()).isEqualTo("CNY");
        assertThat(figures.capital().committed()).isEqualByComparingTo("763200000.00");
        assertThat(figures.capital().realised()).isEqualByComparingTo("489700000.00");
        assertThat(figures.jobs().committed()).isEqualTo(955);
        assertThat(figures.jobs().created()).isEqualTo(475);
        assertThat(figures.unconverted()).containsExactly("CHF");
    }

    @Test
    void theFiguresSliceByCountryAndByTheDayOfTheFirstSigning() {
        CommissionFigures france = pipeline.figures(new PipelineFilter("FR", null, district, null, null)).block(Duration.ofSeconds(10));
        assertThat(france.contracted()).isEqualTo(2);
        assertThat(france.fulfilled()).isEqualTo(2);
        assertThat(france.capital().committed()).isEqualByComparingTo("243200000.00");
        assertThat(france.fundsInPlaceRate()).isEqualByComparingTo("1.0000");

        ZoneId chongqing = ZoneId.of("Asia/Shanghai");
        Instant signingDay = java.time.LocalDate.of(2030, 3, 3).atStartOfDay(chongqing).toInstant();
        CommissionFigures signedThatDay = pipeline.figures(new PipelineFilter(null, null, district, signingDay,
                signingDay.plus(Duration.ofDays(1)))).block(Duration.ofSeconds(10));
        assertThat(signedThatDay.contracted()).as("c20's increase, signed days later, still counts in its first signing's period")
                .isEqualTo(10);
        assertThat(signedThatDay.capital().committed()).isEqualByComparingTo("763200000.00");

        CommissionFigures dayBefore = pipeline.figures(new PipelineFilter(null, null, district, signingDay.minus(Duration.ofDays(1)),
                signingDay)).block(Duration.ofSeconds(10));
        assertThat(dayBefore.contracted()).isZero();
        assertThat(dayBefore.landingRate()).isNull();
        assertThat(dayBefore.fundsInPlaceRate()).isNull();
    }

    @Test
    void theDelayedListHoldsTheCasesWhoseLatestDelayFactNamesOverdueMilestones() {
        List<DelayedCase> delayed = pipeline.delayed(all(), 100).collectList().block(Duration.ofSeconds(10));
        assertThat(delayed).extracting(DelayedCase::caseId).containsExactly(caseId("c16"), caseId("c20"));
        assertThat(delayed.get(0).overdueMilestones()).containsExactly("BUSINESS_REGISTERED");
        assertThat(delayed.get(0).since()).isEqualTo(T.plusSeconds(320 * 3600));
        assertThat(pipeline.delayed(new PipelineFilter("FR", null, district, null, null), 100).collectList()
                .block(Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void aDeclinedContractReopensTheNegotiationAndAnAgreementAfterAnExpiryMovesItOnAgain() {
        Map<PipelineStage, FunnelStage> rows = rows(all());
        assertThat(rows.get(PipelineStage.NEGOTIATING).current()).isEqualTo(2);
        assertThat(rows.get(PipelineStage.AGREED).current()).isEqualTo(2);
    }

    private Map<PipelineStage, FunnelStage> rows(PipelineFilter filter) {
        Map<PipelineStage, FunnelStage> rows = new HashMap<>();
        pipeline.funnel(filter).block(Duration.ofSeconds(10)).stages().forEach(row -> rows.put(row.stage(), row));
        return rows;
    }

    private static List<Long> hours(FunnelStage row) {
        return List.of(row.medianSeconds() / 3600, row.p90Seconds() / 3600);
    }
}
