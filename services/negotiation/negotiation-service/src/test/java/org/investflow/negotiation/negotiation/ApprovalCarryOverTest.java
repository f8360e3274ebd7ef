package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.negotiation.negotiation.NegotiationDepthTest.AMOUNT;
import static org.investflow.negotiation.negotiation.NegotiationDepthTest.INVESTOR;
import static org.investflow.negotiation.negotiation.NegotiationDepthTest.LANDING;
import static org.investflow.negotiation.negotiation.NegotiationDepthTest.LEADER;
import static org.investflow.negotiation.negotiation.NegotiationDepthTest.NOW;
import static org.investflow.negotiation.negotiation.NegotiationDepthTest.OFFICER;
import static org.investflow.negotiation.negotiation.NegotiationDepthTest.POLICY;
import static org.investflow.negotiation.negotiation.NegotiationDepthTest.TODAY;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;

import org.investflow.negotiation.events.ApprovalRequested;
import org.investflow.negotiation.events.Incentive;
import org.investflow.negotiation.events.Land;
import org.investflow.negotiation.events.NegotiationEvent;
import org.investflow.negotiation.events.NegotiationReopened;
import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.events.TermsProposed;
import org.investflow.platform.domain.RuleViolationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

/**
 * An approval stays with the terms it approved: a later version that changes no approval-relevant term
 * (investment amount, currency, incentives with their policy basis) compared to the last approved
 * version keeps it; changing any of them, by a cent, asks a leader again.
 */
class ApprovalCarryOverTest {

    static final Incentive RENT_FREE = new Incentive("RENT_FREE", new BigDecimal("5"), "land policy art. 12");
    static final Incentive SUBSIDY = new Incentive("SUBSIDY", new BigDecimal("9000000.00"), "industry fund art. 3");

    static Terms approvedTerms() {
        return terms(AMOUNT, "EUR", 350, List.of(RENT_FREE, SUBSIDY), List.of());
    }

    static Terms terms(BigDecimal amount, String currency, int jobs, List<Incentive> incentives, List<String> conditions) {
        Land land = null;
        return new Terms(amount, currency, jobs, LANDING, List.of(), land, incentives, null, conditions);
    }

    /** A negotiation whose version 1, beyond the policy, a leader approved. */
    static Negotiation approved() {
        Negotiation negotiation = NegotiationDepthTest.opened();
        negotiation.propose(approvedTerms(), null, OFFICER, POLICY, TODAY, NOW);
        negotiation.approve(1, LEADER, "strategic investment", NOW);
        return negotiation;
    }

    static Stream<Arguments> changes() {
        Terms a = approvedTerms();
        return Stream.of(
                Arguments.of("only a special clause", same(t -> terms(t.investmentAmount(), t.currency(), t.jobs(),
                        t.incentives(), List.of("arbitration in Chongqing"))), false),
                Arguments.of("only the jobs", same(t -> terms(t.investmentAmount(), t.currency(), 351, t.incentives(),
                        List.of())), false),
                Arguments.of("the same incentives in another order, value written 5.0", same(t -> terms(t.investmentAmount(),
                        t.currency(), t.jobs(), List.of(SUBSIDY, new Incentive("RENT_FREE", new BigDecimal("5.0"),
                                "land policy art. 12")), List.of())), false),
                Arguments.of("the subsidy by one cent", same(t -> terms(t.investmentAmount(), t.currency(), t.jobs(),
                        List.of(RENT_FREE, new Incentive("SUBSIDY", new BigDecimal("9000000.01"), "industry fund art. 3")),
                        List.of())), true),
                Arguments.of("an incentive's policy basis", same(t -> terms(t.investmentAmount(), t.currency(), t.jobs(),
                        List.of(new Incentive("RENT_FREE", new BigDecimal("5"), "land policy art. 13"), SUBSIDY), List.of())),
                        true),
                Arguments.of("the investment amount", same(t -> terms(t.investmentAmount().add(BigDecimal.ONE), t.currency(),
                        t.jobs(), t.incentives(), List.of())), true),
                Arguments.of("an incentive left out", same(t -> terms(t.investmentAmount(), t.currency(), t.jobs(),
                        List.of(RENT_FREE), List.of())), true),
                Arguments.of("the currency", same(t -> terms(t.investmentAmount(), "USD", t.jobs(), t.incentives(), List.of())),
                        true));
    }

    private static Terms same(UnaryOperator<Terms> change) {
        return change.apply(approvedTerms());
    }

    @ParameterizedTest(name = "changing {0} -> approval again: {2}")
    @MethodSource("changes")
    void aNewVersionNeedsApprovalAgainOnlyWhenAnApprovalRelevantTermChanged(String what, Terms changed, boolean again) {
        Negotiation negotiation = approved();
        List<NegotiationEvent> events = negotiation.propose(changed, 1, OFFICER, POLICY, TODAY, NOW);
        assertThat(events).singleElement().isInstanceOf(again ? ApprovalRequested.class : TermsProposed.class);
        TermSheet sheet = negotiation.termSheets().get(1);
        if (!again) {
            assertThat(sheet.standing()).isEqualTo("TABLED");
            assertThat(sheet.approval().carriedFrom()).isEqualTo(1);
            assertThat(sheet.approval().decidedBy()).isEqualTo(LEADER.id());
        }
    }

    @Test
    void withoutAnEarlierApprovalTheSameTermsWaitForALeader() {
        Negotiation negotiation = NegotiationDepthTest.opened();
        negotiation.propose(approvedTerms(), null, OFFICER, POLICY, TODAY, NOW);
        negotiation.reject(1, LEADER, "too generous", NOW);
        assertThat(negotiation.propose(approvedTerms(), null, OFFICER, POLICY, TODAY, NOW))
                .singleElement().isInstanceOf(ApprovalRequested.class);
    }

    @Test
    void onlyTheLastApprovedVersionCounts() {
        Negotiation negotiation = approved();
        Terms richer = terms(AMOUNT, "EUR", 350, List.of(new Incentive("RENT_FREE", new BigDecimal("6"), "land policy art. 12")),
                List.of());
        negotiation.propose(richer, 1, OFFICER, POLICY, TODAY, NOW);
        negotiation.approve(2, LEADER, "six years then", NOW);
        assertThat(negotiation.propose(approvedTerms(), 2, OFFICER, POLICY, TODAY, NOW))
                .singleElement().isInstanceOf(ApprovalRequested.class);
    }

    @Test
    void anInvestorCounterKeepingTheApprovedIncentivesCanBeAcceptedByTheOfficerAChangedOneCannot() {
        Negotiation negotiation = approved();
        negotiation.propose(terms(AMOUNT, "EUR", 400, List.of(RENT_FREE, SUBSIDY), List.of("local suppliers first")), 1,
                INVESTOR, POLICY, TODAY, NOW);
        assertThat(negotiation.accept(2, OFFICER, POLICY, "agreement-1", NOW)).hasSize(1);

        Negotiation other = approved();
        other.propose(terms(AMOUNT, "EUR", 350, List.of(new Incentive("RENT_FREE", new BigDecimal("6"), "land policy art. 12")),
                List.of()), 1, INVESTOR, POLICY, TODAY, NOW);
        assertThatThrownBy(() -> other.accept(2, OFFICER, POLICY, "agreement-1", NOW))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("exceeds the incentive policy");
    }

    @Test
    void theReopenedAgreedVersionProposedAgainKeepsItsApproval() {
        Negotiation negotiation = approved();
        negotiation.accept(1, INVESTOR, POLICY, "agreement-1", NOW);
        negotiation.reopen(new ContractOutcome("CQ-2026-000123", "envelope-1", negotiation.agreement().fingerprint().hex(),
                NegotiationReopened.VOIDED, "wrong signatory"), "signing-event-1", NOW);

        assertThat(negotiation.propose(approvedTerms(), 1, OFFICER, POLICY, TODAY, NOW))
                .singleElement().isInstanceOf(TermsProposed.class);
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.OPEN);
        assertThat(negotiation.accept(2, INVESTOR, POLICY, "agreement-2", NOW)).hasSize(1);
    }
}
