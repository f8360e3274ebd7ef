package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.investflow.negotiation.events.AgreementReached;
import org.investflow.negotiation.events.ApprovalDecided;
import org.investflow.negotiation.events.ApprovalEscalated;
import org.investflow.negotiation.events.ApprovalRequested;
import org.investflow.negotiation.events.Incentive;
import org.investflow.negotiation.events.Land;
import org.investflow.negotiation.events.MilestoneDeadlines;
import org.investflow.negotiation.events.NegotiationFailed;
import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.events.TermsProposed;
import org.investflow.negotiation.events.Tranche;
import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.domain.InvalidInputException;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Structured term sheets, counter-offers, maker-checker approval, failure, revisions and diffs, without Spring. */
class NegotiationDepthTest {

    static final Instant NOW = Instant.parse("2026-03-10T02:30:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    static final LocalDate LANDING = LocalDate.parse("2027-12-31");
    static final Actor OFFICER = new Actor("officer-li", Role.OFFICER);
    static final Actor INVESTOR = new Actor("investor-de-1", Role.INVESTOR);
    static final Actor LEADER = new Actor("leader-wang", Role.LEADER);
    static final ApprovalPolicy POLICY = new ApprovalPolicy(new BigDecimal("0.05"), Map.of("EUR", new BigDecimal("6500000")),
            new BigDecimal("3"), new BigDecimal("15"));
    static final BigDecimal AMOUNT = new BigDecimal("120000000.00");

    static Terms basic() {
        return new Terms(AMOUNT, "EUR", 350, LANDING);
    }

    static Terms with(List<Tranche> tranches, MilestoneDeadlines milestones, List<Incentive> incentives) {
        return new Terms(AMOUNT, "EUR", 350, LANDING, tranches, null, incentives, milestones, List.of());
    }

    static Terms withIncentive(String kind, String value) {
        return with(List.of(), null, List.of(new Incentive(kind, new BigDecimal(value), "policy art. 1")));
    }

    static Tranche tranche(String amount, String due) {
        return new Tranche(new BigDecimal(amount), LocalDate.parse(due));
    }

    static Negotiation opened() {
        return NegotiationTest.opened();
    }

    static Map<String, String> refusal(Runnable command) {
        try {
            command.run();
        } catch (InvalidInputException e) {
            return e.fieldErrors();
        }
        throw new AssertionError("expected the terms to be refused");
    }

    @Test
    void tranchesThatDoNotAddUpToTheInvestmentAreRefused() {
        Terms short_ = with(List.of(tranche("40000000.00", "2026-09-30"), tranche("79999999.99", "2027-06-30")), null, List.of());
        assertThat(refusal(() -> opened().propose(short_, null, OFFICER, POLICY, TODAY, NOW)))
                .containsKey("capitalSchedule").extractingByKey("capitalSchedule").asString().contains("119999999.99");
        Terms exact = with(List.of(tranche("40000000", "2026-09-30"), tranche("80000000.00", "2027-06-30")), null, List.of());
        assertThat(opened().propose(exact, null, OFFICER, POLICY, TODAY, NOW)).singleElement().isInstanceOf(TermsProposed.class);
    }

    @Test
    void tranchesFallDueInOrderAndNotInThePast() {
        Terms terms = with(List.of(tranche("60000000.00", "2026-03-09"), tranche("30000000.00", "2027-06-30"),
                tranche("30000000.00", "2027-01-31")), null, List.of());
        assertThat(refusal(() -> opened().propose(terms, null, OFFICER, POLICY, TODAY, NOW)))
                .containsOnlyKeys("capitalSchedule[0].dueBy", "capitalSchedule[2].dueBy");
    }

    @Test
    void milestoneDeadlinesOutOfOrderAreRefusedNamingTheMilestone() {
        MilestoneDeadlines backwards = new MilestoneDeadlines(LocalDate.parse("2026-08-01"), LocalDate.parse("2026-07-01"),
                LocalDate.parse("2026-10-01"), LocalDate.parse("2026-07-15"), LocalDate.parse("2028-01-01"));
        assertThat(refusal(() -> opened().propose(with(List.of(), backwards, List.of()), null, OFFICER, POLICY, TODAY, NOW)))
                .containsOnlyKeys("milestones.landRights", "milestones.firstCapitalInjection");
        MilestoneDeadlines afterLanding = new MilestoneDeadlines(null, null, LocalDate.parse("2028-02-01"), null, null);
        assertThat(refusal(() -> opened().propose(with(List.of(), afterLanding, List.of()), null, OFFICER, POLICY, TODAY, NOW)))
                .containsOnlyKeys("milestones.constructionStart");
        MilestoneDeadlines sameDay = new MilestoneDeadlines(TODAY, TODAY, TODAY, TODAY, TODAY);
        assertThat(opened().propose(with(List.of(), sameDay, List.of()), null, OFFICER, POLICY, TODAY, NOW)).hasSize(1);
    }

    @Test
    void anIncentiveKindGivenTwiceAndALeaseWithoutTermAreRefused() {
        Terms twice = with(List.of(), null, List.of(new Incentive(Incentive.RENT_FREE, BigDecimal.ONE, "a"),
                new Incentive(Incentive.RENT_FREE, BigDecimal.valueOf(2), "b")));
        assertThat(refusal(() -> opened().propose(twice, null, OFFICER, POLICY, TODAY, NOW))).containsOnlyKeys("incentives[1].kind");
        Terms lease = new Terms(AMOUNT, "EUR", 1, LANDING, List.of(),
                new Land(new BigDecimal("5000"), "500112", "INDUSTRIAL", "LEASE", null, null), List.of(), null, List.of());
        assertThat(refusal(() -> opened().propose(lease, null, OFFICER, POLICY, TODAY, NOW))).containsOnlyKeys("land.leaseYears");
    }

    @Test
    void theInvestorCountersTheVersionOnTheTableAndTheOfficerAcceptingItReachesAgreement() {
        Negotiation negotiation = opened();
        negotiation.propose(basic(), null, OFFICER, POLICY, TODAY, NOW);
        Terms counter = new Terms(AMOUNT, "EUR", 300, LANDING);
        assertThat(negotiation.propose(counter, 1, INVESTOR, POLICY, TODAY, NOW)).singleElement()
                .isInstanceOfSatisfying(TermsProposed.class, event -> {
                    assertThat(event.version()).isEqualTo(2);
                    assertThat(event.basedOn()).isEqualTo(1);
                    assertThat(event.actor()).isEqualTo(INVESTOR);
                });
        assertThatThrownBy(() -> negotiation.accept(2, INVESTOR, POLICY, "a", NOW))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("your own proposal");
        assertThatThrownBy(() -> negotiation.accept(1, OFFICER, POLICY, "a", NOW))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("superseded by version 2");
        assertThat(negotiation.accept(2, OFFICER, POLICY, "agreement-1", NOW)).singleElement()
                .isInstanceOfSatisfying(AgreementReached.class, event -> assertThat(event.terms()).isEqualTo(counter));
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.AGREED);
    }

    @Test
    void theAgreementCarriesTheExactCanonicalTermsWhoseSha256IsItsFingerprint() throws Exception {
        Negotiation negotiation = opened();
        Terms structured = new Terms(AMOUNT, "EUR", 300, LANDING, List.of(), new Land(new BigDecimal("25000"), "Liangjiang", "INDUSTRIAL",
                "LEASE", new BigDecimal("125000.00"), 20), List.of(), null, List.of("The \"plant\" stays in Chongqing"));
        negotiation.propose(structured, null, OFFICER, POLICY, TODAY, NOW);
        AgreementReached reached = (AgreementReached) negotiation.accept(1, INVESTOR, POLICY, "agreement-1", NOW).get(0);
        byte[] canonical = reached.canonicalTerms().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(canonical)))
                .isEqualTo(reached.termsFingerprint());
        assertThat(reached.canonicalTerms()).contains("Liangjiang").contains("\\\"plant\\\"");
    }

    @Test
    void aCounterOfferNamingAVersionNoLongerOnTheTableIsRefused() {
        Negotiation negotiation = opened();
        negotiation.propose(basic(), null, OFFICER, POLICY, TODAY, NOW);
        negotiation.propose(basic(), 1, INVESTOR, POLICY, TODAY, NOW);
        assertThatThrownBy(() -> negotiation.propose(basic(), 1, OFFICER, POLICY, TODAY, NOW))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("version 2 is");
        assertThat(negotiation.termSheets()).hasSize(2);
    }

    @ParameterizedTest(name = "{0} {1} -> approval {2}")
    @CsvSource({
            "SUBSIDY, 5999999.99, false", "SUBSIDY, 6000000.00, false", "SUBSIDY, 6000000.01, true",
            "RENT_FREE, 3, false", "RENT_FREE, 4, true",
            "TAX_REBATE, 15.00, false", "TAX_REBATE, 14.99, false", "TAX_REBATE, 15.01, true"})
    void approvalIsNeededOnlyStrictlyAboveAThreshold(String kind, String value, boolean needed) {
        assertThat(POLICY.reasonsFor(withIncentive(kind, value)).isEmpty()).isEqualTo(!needed);
    }

    @Test
    void theAbsoluteSubsidyLimitAppliesAtAndAroundItsBoundAndAnUnlistedCurrencyAlwaysNeedsApproval() {
        Terms huge = new Terms(new BigDecimal("1000000000.00"), "EUR", 1, LANDING, List.of(), null,
                List.of(new Incentive(Incentive.SUBSIDY, new BigDecimal("6500000.00"), "fund")), null, List.of());
        assertThat(POLICY.reasonsFor(huge)).isEmpty();
        Terms above = new Terms(new BigDecimal("1000000000.00"), "EUR", 1, LANDING, List.of(), null,
                List.of(new Incentive(Incentive.SUBSIDY, new BigDecimal("6500000.01"), "fund")), null, List.of());
        assertThat(POLICY.reasonsFor(above)).singleElement().asString().contains("limit of 6500000");
        Terms yen = new Terms(new BigDecimal("1000000000.00"), "JPY", 1, LANDING, List.of(), null,
                List.of(new Incentive(Incentive.SUBSIDY, BigDecimal.ONE, "fund")), null, List.of());
        assertThat(POLICY.reasonsFor(yen)).singleElement().asString().contains("no subsidy limit");
    }

    @Test
    void aVersionBeyondThePolicyWaitsUnseenByTheInvestorUntilALeaderApprovesIt() {
        Negotiation negotiation = opened();
        negotiation.propose(basic(), null, OFFICER, POLICY, TODAY, NOW);
        assertThat(negotiation.propose(withIncentive("RENT_FREE", "5"), null, OFFICER, POLICY, TODAY, NOW)).singleElement()
                .isInstanceOf(ApprovalRequested.class);
        assertThatThrownBy(() -> negotiation.accept(2, INVESTOR, POLICY, "a", NOW)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> negotiation.diff(1, 2, INVESTOR)).isInstanceOf(NotFoundException.class);
        assertThat(negotiation.pendingApproval().version()).isEqualTo(2);

        assertThatThrownBy(() -> negotiation.approve(2, new Actor("officer-li", Role.LEADER), "mine", NOW))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("author");
        assertThat(negotiation.approve(2, LEADER, "within the land policy", NOW))
                .hasExactlyElementsOfTypes(ApprovalDecided.class, TermsProposed.class);
        assertThat(negotiation.pendingApproval()).isNull();
        assertThat(negotiation.accept(2, INVESTOR, POLICY, "agreement-2", NOW)).singleElement().isInstanceOf(AgreementReached.class);
    }

    @Test
    void aRejectedVersionNeverReachesTheTableAndTheVersionBeforeItStaysAcceptable() {
        Negotiation negotiation = opened();
        negotiation.propose(basic(), null, OFFICER, POLICY, TODAY, NOW);
        negotiation.propose(withIncentive("TAX_REBATE", "25"), 1, OFFICER, POLICY, TODAY, NOW);
        assertThat(negotiation.reject(2, LEADER, "too generous", NOW)).singleElement()
                .isInstanceOfSatisfying(ApprovalDecided.class, event -> assertThat(event.decision()).isEqualTo("REJECTED"));
        assertThatThrownBy(() -> negotiation.approve(2, LEADER, "changed my mind", NOW)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> negotiation.accept(2, INVESTOR, POLICY, "a", NOW)).isInstanceOf(NotFoundException.class);
        assertThat(negotiation.accept(1, INVESTOR, POLICY, "a", NOW)).singleElement().isInstanceOf(AgreementReached.class);
    }

    @Test
    void anInvestorCounterBeyondThePolicyCannotBeAcceptedByTheOfficerOnlyCounteredForApproval() {
        Negotiation negotiation = opened();
        negotiation.propose(basic(), null, OFFICER, POLICY, TODAY, NOW);
        negotiation.propose(withIncentive("SUBSIDY", "9000000.00"), 1, INVESTOR, POLICY, TODAY, NOW);
        assertThatThrownBy(() -> negotiation.accept(2, OFFICER, POLICY, "a", NOW))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("exceeds the incentive policy");
        assertThat(negotiation.propose(withIncentive("SUBSIDY", "9000000.00"), 2, OFFICER, POLICY, TODAY, NOW))
                .singleElement().isInstanceOf(ApprovalRequested.class);
    }

    @Test
    void aPendingApprovalIsEscalatedOnceAfterTheConfiguredWait() {
        Negotiation negotiation = opened();
        negotiation.propose(withIncentive("RENT_FREE", "5"), null, OFFICER, POLICY, TODAY, NOW);
        Duration wait = Duration.ofHours(48);
        assertThat(negotiation.escalate(wait, NOW.plus(wait))).isEmpty();
        assertThat(negotiation.escalate(wait, NOW.plus(wait).plusSeconds(1))).singleElement().isInstanceOf(ApprovalEscalated.class);
        assertThat(negotiation.escalate(wait, NOW.plus(wait).plusSeconds(60))).isEmpty();
        assertThat(negotiation.pendingApproval().escalated()).isTrue();
    }

    @Test
    void eitherPartyMayWithdrawAndTheNegotiationFails() {
        Negotiation negotiation = opened();
        assertThat(negotiation.withdraw(INVESTOR, "project moved to another city", NOW)).singleElement()
                .isInstanceOfSatisfying(NegotiationFailed.class, event -> assertThat(event.reason()).isEqualTo("WITHDRAWN"));
        assertThatThrownBy(() -> negotiation.propose(basic(), null, OFFICER, POLICY, TODAY, NOW))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.currentState()).isEqualTo("FAILED"));
    }

    @Test
    void inactivityFailsTheNegotiationOnlyOnceTheWholePeriodHasPassed() {
        Negotiation negotiation = opened();
        negotiation.comment(INVESTOR, "still reviewing", NOW.plus(Duration.ofDays(10)));
        Duration period = Duration.ofDays(30);
        assertThat(negotiation.expireIfInactive(period, NOW.plus(Duration.ofDays(40)))).isEmpty();
        assertThat(negotiation.expireIfInactive(period, NOW.plus(Duration.ofDays(40)).plusSeconds(1))).singleElement()
                .isInstanceOfSatisfying(NegotiationFailed.class, event -> {
                    assertThat(event.reason()).isEqualTo("INACTIVE");
                    assertThat(event.actor()).isEqualTo(Actor.SYSTEM);
                });
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.FAILED);
    }

    @Test
    void everyChangeMovesTheRevisionAndAStaleOneIsRefused() {
        Negotiation negotiation = opened();
        long before = negotiation.revision();
        negotiation.propose(basic(), null, OFFICER, POLICY, TODAY, NOW);
        assertThat(negotiation.revision()).isEqualTo(before + 1);
        negotiation.requireRevision(before + 1);
        negotiation.requireRevision(null);
        assertThatThrownBy(() -> negotiation.requireRevision(before)).isInstanceOf(StaleRevisionException.class);
    }

    @Test
    void theDiffNamesEveryChangedTermForMachinesAndPeople() {
        Negotiation negotiation = opened();
        negotiation.propose(with(List.of(tranche("120000000", "2026-09-30")), null, List.of()), null, OFFICER, POLICY, TODAY, NOW);
        Terms counter = new Terms(AMOUNT, "EUR", 400, LANDING, List.of(tranche("60000000", "2026-09-30"),
                tranche("60000000", "2027-03-31")), null, List.of(new Incentive("RENT_FREE", BigDecimal.valueOf(2), "art. 12")),
                null, List.of());
        negotiation.propose(counter, 1, INVESTOR, POLICY, TODAY, NOW);
        TermsDiff diff = negotiation.diff(1, 2, INVESTOR);
        assertThat(diff.changes()).extracting(TermsDiff.Change::field, TermsDiff.Change::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("jobs", "CHANGED"),
                org.assertj.core.groups.Tuple.tuple("capitalSchedule[0].amount", "CHANGED"),
                org.assertj.core.groups.Tuple.tuple("capitalSchedule[1].amount", "ADDED"),
                org.assertj.core.groups.Tuple.tuple("capitalSchedule[1].dueBy", "ADDED"),
                org.assertj.core.groups.Tuple.tuple("incentives.RENT_FREE.value", "ADDED"),
                org.assertj.core.groups.Tuple.tuple("incentives.RENT_FREE.policyBasis", "ADDED"));
        assertThat(diff.text()).contains("~ jobs: 350 → 400").contains("+ incentives.RENT_FREE.value: 2 years")
                .contains("~ capitalSchedule[0].amount: EUR 120,000,000.00 → EUR 60,000,000.00")
                .contains("+ capitalSchedule[1].dueBy: 2027-03-31");
        assertThat(negotiation.diff(2, 2, OFFICER).changes()).isEmpty();
        assertThat(negotiation.diff(2, 2, OFFICER).text()).isEqualTo("Version 2 has the same terms as version 2.");
    }

    @Test
    void theReadableDiffShowsOneLinePerChangeWithMoneyInItsOwnCurrencyAndUnits() {
        Negotiation negotiation = opened();
        Land lease = new Land(new BigDecimal("20000.5"), "Liangjiang", "industrial", "LEASE", new BigDecimal("3000000"), 50);
        negotiation.propose(new Terms(AMOUNT, "EUR", 350, LANDING, List.of(), lease,
                List.of(new Incentive("TAX_REBATE", new BigDecimal("10"), "art. 3")), null, List.of()), null, OFFICER, POLICY,
                TODAY, NOW);
        negotiation.propose(new Terms(new BigDecimal("900000000"), "CNY", 350, LANDING, List.of(), null,
                List.of(new Incentive("TAX_REBATE", new BigDecimal("12.5"), "art. 3"),
                        new Incentive("SUBSIDY", new BigDecimal("1500000.5"), "fund art. 1")), null, List.of()), 1, INVESTOR,
                POLICY, TODAY, NOW);
        assertThat(negotiation.diff(1, 2, OFFICER).text().lines()).containsExactly(
                "Changes from version 1 to version 2:",
                "~ investmentAmount: EUR 120,000,000.00 → CNY 900,000,000.00",
                "~ currency: EUR → CNY",
                "- land.areaSquareMetres: 20,000.5 m²",
                "- land.district: Liangjiang",
                "- land.use: industrial",
                "- land.tenure: LEASE",
                "- land.price: EUR 3,000,000.00",
                "- land.leaseYears: 50 years",
                "~ incentives.TAX_REBATE.value: 10 % → 12.5 %",
                "+ incentives.SUBSIDY.value: CNY 1,500,000.50",
                "+ incentives.SUBSIDY.policyBasis: fund art. 1");
    }

    @Test
    void theFingerprintOfBasicTermsIsTheFirstReleasesAndStructureChangesIt() {
        assertThat(TermsFingerprint.canonicalJson(basic()))
                .isEqualTo("{\"investmentAmount\":\"120000000.00\",\"currency\":\"EUR\",\"jobs\":350,\"landingDeadline\":\"2027-12-31\"}");
        Terms structured = with(List.of(), null, List.of(new Incentive("SUBSIDY", new BigDecimal("10"), "say \"yes\"")));
        assertThat(TermsFingerprint.canonicalJson(structured)).endsWith(",\"capitalSchedule\":[],\"land\":null,"
                + "\"incentives\":[{\"kind\":\"SUBSIDY\",\"value\":\"10\",\"policyBasis\":\"say \\\"yes\\\"\"}],"
                + "\"milestones\":null,\"specialConditions\":[]}");
        assertThat(TermsFingerprint.of(structured)).isNotEqualTo(TermsFingerprint.of(basic()));
    }
}
