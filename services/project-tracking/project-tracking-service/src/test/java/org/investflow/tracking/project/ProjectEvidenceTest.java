package org.investflow.tracking.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.investflow.platform.domain.InvalidInputException;
import org.investflow.platform.domain.Money;
import org.investflow.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

/** The project's evidence record: one entry sequence over three ledgers, and the figures it gives. */
class ProjectEvidenceTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T17:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final Clock LATER = Clock.offset(CLOCK, Duration.ofMinutes(1));
    static final LocalDate DAY = LocalDate.of(2026, 6, 1);
    static final Commitment UNSCHEDULED = new Commitment(Money.of(new BigDecimal("1000.00"), "EUR"), 10, LocalDate.of(2028, 1, 1));

    static Injection eur(String amount) {
        return new Injection(Money.of(new BigDecimal(amount), "EUR"), DAY);
    }

    @Test
    void entryIdsFollowOneSequenceAcrossTheThreeKinds() {
        ProjectEvidence evidence = new ProjectEvidence();

        assertThat(evidence.jobs(new JobsCount(3, DAY), "officer-li", CLOCK, null).entryId()).isEqualTo("E1");
        assertThat(evidence.milestone(new Achievement(Milestone.BUSINESS_REGISTERED, DAY), "officer-li", CLOCK, null).entryId())
                .isEqualTo("E2");
        assertThat(evidence.injection(eur("5.00"), "officer-li", CLOCK, null).entryId()).isEqualTo("E3");
    }

    @Test
    void aMilestoneCorrectionMayChangeTheDayButNotTheMilestone() {
        ProjectEvidence evidence = new ProjectEvidence();
        evidence.milestone(new Achievement(Milestone.BUSINESS_REGISTERED, DAY), "officer-li", CLOCK, null);

        assertThatThrownBy(() -> evidence.milestone(new Achievement(Milestone.CONSTRUCTION_STARTED, DAY), "officer-li", CLOCK,
                new Correction("E1", "wrong milestone"))).isInstanceOf(InvalidInputException.class);
        evidence.milestone(new Achievement(Milestone.BUSINESS_REGISTERED, DAY.minusDays(9)), "officer-li", CLOCK,
                new Correction("E1", "earlier"));

        assertThat(evidence.achieved()).containsExactly(Milestone.BUSINESS_REGISTERED);
        assertThat(evidence.milestones()).hasSize(2);
    }

    @Test
    void realisedCapitalSumsTheInjectionsInEffectAndIsZeroBeforeAny() {
        ProjectEvidence evidence = new ProjectEvidence();
        assertThat(evidence.realisedCapital("EUR")).isEqualTo(Money.zero("EUR"));

        evidence.injection(eur("5.00"), "officer-li", CLOCK, null);
        evidence.injection(eur("7.50"), "officer-li", CLOCK, null);
        evidence.injection(eur("1.00"), "officer-li", CLOCK, new Correction("E2", "bank statement"));

        assertThat(evidence.realisedCapital("EUR").sameValueAs(Money.of(new BigDecimal("6.00"), "EUR"))).isTrue();
    }

    @Test
    void jobsCreatedIsTheLatestReportInEffectByItsDay() {
        ProjectEvidence evidence = new ProjectEvidence();
        assertThat(evidence.jobsCreated()).isZero();

        evidence.jobs(new JobsCount(80, DAY), "officer-li", CLOCK, null);
        evidence.jobs(new JobsCount(40, DAY.minusDays(30)), "officer-li", LATER, null);
        assertThat(evidence.jobsCreated()).as("a late report of an earlier day does not win").isEqualTo(80);

        evidence.jobs(new JobsCount(70, DAY), "officer-li", CLOCK, new Correction("E1", "double-counted"));
        assertThat(evidence.jobsCreated()).isEqualTo(70);
    }

    @Test
    void withoutAScheduleAnyCapitalCountsAsTheCapitalMilestoneForLanding() {
        ProjectEvidence evidence = new ProjectEvidence();
        evidence.milestone(new Achievement(Milestone.BUSINESS_REGISTERED, DAY), "officer-li", CLOCK, null);
        assertThat(evidence.achievedForLanding(UNSCHEDULED)).containsExactly(Milestone.BUSINESS_REGISTERED);

        evidence.injection(eur("0.01"), "officer-li", CLOCK, null);

        assertThat(evidence.achievedForLanding(UNSCHEDULED))
                .containsExactlyInAnyOrder(Milestone.BUSINESS_REGISTERED, Milestone.CAPITAL_INJECTED);
        assertThat(evidence.achieved()).as("the milestone itself is not recorded").doesNotContain(Milestone.CAPITAL_INJECTED);
    }

    @Test
    void withAScheduleTheFirstTrancheDueMustBeInForTheCapitalMilestone() {
        Commitment scheduled = new Commitment(UNSCHEDULED.capital(), 10, UNSCHEDULED.landingDeadline(),
                List.of(new CapitalTranche(new BigDecimal("600.00"), LocalDate.of(2027, 6, 1)),
                        new CapitalTranche(new BigDecimal("400.00"), LocalDate.of(2027, 1, 1))), null);
        ProjectEvidence evidence = new ProjectEvidence();
        evidence.injection(eur("399.99"), "officer-li", CLOCK, null);
        assertThat(evidence.achievedForLanding(scheduled)).isEmpty();

        evidence.injection(eur("0.01"), "officer-li", CLOCK, null);

        assertThat(evidence.achievedForLanding(scheduled)).containsExactly(Milestone.CAPITAL_INJECTED);
    }

    /** 2026-07-01 in Chongqing is today, though UTC still says 2026-06-30. */
    @Test
    void evidenceOfTodayInTheCommissionsZoneIsRecordedAndOfTomorrowRefused() {
        ProjectEvidence evidence = new ProjectEvidence();
        LocalDate today = LocalDate.of(2026, 7, 1);

        assertThatThrownBy(() -> evidence.jobs(new JobsCount(1, today.plusDays(1)), "officer-li", CLOCK, null))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("after today (2026-07-01)");
        assertThat(evidence.jobReports()).isEmpty();
        assertThat(evidence.jobs(new JobsCount(1, today), "officer-li", CLOCK, null).recordedAt()).isEqualTo(CLOCK.instant());
    }
}
