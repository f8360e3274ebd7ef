package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.investflow.negotiation.events.Terms;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TermSheetTableTest {

    static final Instant NOW = Instant.parse("2026-03-10T02:30:00Z");
    static final Actor OFFICER = new Actor("officer-li", Role.OFFICER);
    static final Actor INVESTOR = new Actor("investor-de-1", Role.INVESTOR);
    static final String CASE = "CQ-2026-000123";

    static Terms terms(String amount) {
        return new Terms(new BigDecimal(amount), "EUR", 350, LocalDate.parse("2027-12-31"));
    }

    /** Version 1 tabled by the officer, version 2 by the investor, version 3 waiting for a leader. */
    static TermSheetTable table() {
        TermSheetTable table = new TermSheetTable();
        table.add(terms("1000.00"), OFFICER, Side.COMMISSION, null, null, NOW);
        table.add(terms("900.00"), INVESTOR, Side.INVESTOR, 1, null, NOW);
        table.add(terms("950.00"), OFFICER, Side.COMMISSION, 2, Approval.requested(List.of("subsidy"), NOW), NOW);
        return table;
    }

    @Test
    void versionsAreNumberedInTheOrderTheyWereProposed() {
        assertThat(table().all()).extracting(TermSheet::version).containsExactly(1, 2, 3);
    }

    @Test
    void theLatestTabledVersionIsOnTheTableNotTheOneWaitingForApproval() {
        TermSheetTable table = table();
        assertThat(table.onTable().version()).isEqualTo(2);
        assertThat(table.pending().version()).isEqualTo(3);
        assertThat(table.latest().version()).isEqualTo(3);
    }

    @Test
    void anEmptyTableHasNothingOnIt() {
        TermSheetTable table = new TermSheetTable();
        assertThat(table.onTable()).isNull();
        assertThat(table.latest()).isNull();
        assertThat(table.pending()).isNull();
        assertThat(table.countered(null, OFFICER, CASE)).isNull();
    }

    @Test
    void theInvestorDoesNotFindAVersionWaitingForApprovalStaffDo() {
        TermSheetTable table = table();
        assertThatThrownBy(() -> table.visibleTo(3, INVESTOR, CASE)).isInstanceOf(NotFoundException.class);
        assertThat(table.visibleTo(3, OFFICER, CASE).version()).isEqualTo(3);
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(ints = {0, -1, 4, 99})
    void aVersionOutsideTheTableIsNotFound(int version) {
        assertThatThrownBy(() -> table().visibleTo(version, OFFICER, CASE)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining(CASE);
    }

    @Test
    void aProposalCountersTheVersionOnTheTableAndMayNotNameAnOlderOne() {
        TermSheetTable table = table();
        assertThat(table.countered(null, OFFICER, CASE)).isEqualTo(2);
        assertThat(table.countered(2, OFFICER, CASE)).isEqualTo(2);
        assertThatThrownBy(() -> table.countered(1, OFFICER, CASE)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("version 2 is");
    }

    @Test
    void onlyTheLatestVersionOnTheTableIsAcceptable() {
        TermSheetTable table = table();
        assertThat(table.acceptable(2, OFFICER, CASE).version()).isEqualTo(2);
        assertThatThrownBy(() -> table.acceptable(1, OFFICER, CASE)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("superseded by version 2");
        assertThatThrownBy(() -> table.acceptable(3, OFFICER, CASE)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("PENDING_APPROVAL");
    }

    @Test
    void theLastApprovedVersionCountsOnlyWithTheSameApprovalRelevantTerms() {
        TermSheetTable table = table();
        TermSheet pending = table.pending();
        table.replace(pending.withApproval(pending.approval().decided(ApprovalState.APPROVED, "leader-chen", "ok", NOW)));
        assertThat(table.lastApprovedWithSameTerms(terms("950.00")).version()).isEqualTo(3);
        assertThat(table.lastApprovedWithSameTerms(terms("950.01"))).isNull();
        assertThat(table.onTable().version()).isEqualTo(3);
    }
}
