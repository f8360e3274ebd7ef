package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.investflow.negotiation.negotiation.TermSheetTableTest.CASE;
import static org.investflow.negotiation.negotiation.TermSheetTableTest.INVESTOR;
import static org.investflow.negotiation.negotiation.TermSheetTableTest.NOW;
import static org.investflow.negotiation.negotiation.TermSheetTableTest.OFFICER;
import static org.investflow.negotiation.negotiation.TermSheetTableTest.terms;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.investflow.negotiation.events.Incentive;
import org.investflow.negotiation.events.Terms;
import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.junit.jupiter.api.Test;

/** Maker-checker on its own: a waiting version, a leader's decision, escalation and supersession. */
class ApprovalsTest {

    static final Actor LEADER = new Actor("leader-chen", Role.LEADER);
    static final Instant LATER = NOW.plus(Duration.ofDays(3));
    static final ApprovalPolicy POLICY = new ApprovalPolicy(new BigDecimal("0.05"), Map.of("EUR", new BigDecimal("100")),
            new BigDecimal("3"), new BigDecimal("15"));

    /** A table whose version 1 waits for approval, and the approvals tracking it. */
    final TermSheetTable table = new TermSheetTable();
    final Approvals approvals = new Approvals();

    TermSheet waiting(Actor author) {
        TermSheet sheet = table.add(terms("1000.00"), author, Side.COMMISSION, null,
                Approvals.requiredFor(terms("1000.00"), List.of("subsidy"), table, NOW), NOW);
        approvals.track(sheet, NOW);
        return sheet;
    }

    @Test
    void withinThePolicyNoApprovalIsRequired() {
        assertThat(Approvals.requiredFor(terms("1000.00"), List.of(), table, NOW)).isNull();
    }

    @Test
    void aVersionBeyondThePolicyWaitsAndIsReported() {
        waiting(OFFICER);
        PendingApproval pending = approvals.pending(CASE, table);
        assertThat(pending.version()).isEqualTo(1);
        assertThat(pending.reasons()).containsExactly("subsidy");
        assertThat(pending.pendingSince()).isEqualTo(NOW);
        assertThat(pending.escalated()).isFalse();
    }

    @Test
    void aLeaderOtherThanTheAuthorDecidesAndTheWaitEnds() {
        waiting(OFFICER);
        TermSheet approved = approvals.decide(table, 1, LEADER, ApprovalState.APPROVED, "strategic", NOW, CASE);
        assertThat(approved.isTabled()).isTrue();
        assertThat(approved.approval().decidedBy()).isEqualTo("leader-chen");
        assertThat(table.onTable().version()).isEqualTo(1);
        assertThat(approvals.pending(CASE, table)).isNull();
    }

    @Test
    void theAuthorMayNotDecideOnTheirOwnVersion() {
        waiting(LEADER);
        assertThatThrownBy(() -> approvals.decide(table, 1, LEADER, ApprovalState.APPROVED, "mine", NOW, CASE))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aVersionNotWaitingCannotBeDecided() {
        table.add(terms("1000.00"), OFFICER, Side.COMMISSION, null, null, NOW);
        assertThatThrownBy(() -> approvals.decide(table, 1, LEADER, ApprovalState.REJECTED, "no", NOW, CASE))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("not waiting for approval");
    }

    @Test
    void aLongWaitIsEscalatedOnce() {
        waiting(OFFICER);
        assertThat(approvals.escalate(table, Duration.ofDays(5), LATER)).isNull();
        TermSheet escalated = approvals.escalate(table, Duration.ofDays(2), LATER);
        assertThat(escalated.approval().escalatedAt()).isEqualTo(LATER);
        assertThat(approvals.escalate(table, Duration.ofDays(2), LATER)).isNull();
        assertThat(approvals.pending(CASE, table).escalated()).isTrue();
    }

    @Test
    void anythingNewerAtTheTableSupersedesTheWaitingVersion() {
        waiting(OFFICER);
        approvals.supersede(table, LATER);
        assertThat(table.latest().standing()).isEqualTo("SUPERSEDED");
        assertThat(approvals.pendingSince()).isNull();
    }

    @Test
    void theCommissionAcceptsAnInvestorVersionBeyondThePolicyOnlyOnceALeaderApprovedThoseTerms() {
        Terms generous = new Terms(new BigDecimal("1000.00"), "EUR", 350, terms("1.00").landingDeadline(), List.of(), null,
                List.of(new Incentive(Incentive.SUBSIDY, new BigDecimal("500.00"), "fund art. 3")), null, List.of());
        TermSheet sheet = table.add(generous, INVESTOR, Side.INVESTOR, null, null, NOW);
        assertThatThrownBy(() -> Approvals.requireWithinPolicy(table, sheet, Side.COMMISSION, POLICY))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("exceeds the incentive policy");
        Approvals.requireWithinPolicy(table, sheet, Side.INVESTOR, POLICY);
    }
}
