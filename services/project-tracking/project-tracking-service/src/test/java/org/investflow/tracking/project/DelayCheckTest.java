package org.investflow.tracking.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.investflow.platform.domain.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The delay arithmetic alone: what is owed under the rule, what of it is overdue, and how a delay changes. */
class DelayCheckTest {

    static final LocalDate LANDING = LocalDate.of(2027, 6, 30);
    static final LandingRule RULE = ProjectTest.DEFAULT_RULE;
    static final MilestoneDeadlines OWN = new MilestoneDeadlines(LocalDate.of(2026, 9, 30), null, LocalDate.of(2027, 12, 31),
            null, null);
    static final DelayCheck CHECK = new DelayCheck(RULE,
            new Commitment(Money.of(BigDecimal.TEN, "EUR"), 1, LANDING, List.of(), OWN));
    static final Instant T1 = Instant.parse("2026-10-01T00:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void theMissingMilestonesOfTheRuleComeInTheCommissionsOrder() {
        assertThat(CHECK.missing(Set.of(Milestone.CONSTRUCTION_STARTED)))
                .containsExactly(Milestone.BUSINESS_REGISTERED, Milestone.CAPITAL_INJECTED);
        assertThat(CHECK.missing(RULE.requires())).isEmpty();
    }

    @ParameterizedTest(name = "on {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-09-30 | ''",
            "2026-10-01 | BUSINESS_REGISTERED",
            "2027-06-30 | BUSINESS_REGISTERED",
            "2027-07-01 | BUSINESS_REGISTERED CONSTRUCTION_STARTED CAPITAL_INJECTED"})
    void aMilestoneIsOverdueTheDayAfterItsOwnDeadlineCappedByTheLandingDeadline(LocalDate today, String overdue) {
        List<Milestone> expected = overdue.isBlank() ? List.of()
                : java.util.Arrays.stream(overdue.split(" ")).map(Milestone::valueOf).toList();
        assertThat(CHECK.overdue(CHECK.missing(Set.of()), today)).containsExactlyElementsOf(expected);
    }

    @Test
    void aDelayKeepsSinceWhenItStartedWhileItsOverdueSetNarrows() {
        ProjectDelay delayed = ProjectDelay.NONE.after(List.of(Milestone.BUSINESS_REGISTERED, Milestone.CAPITAL_INJECTED), T1);
        ProjectDelay narrowed = delayed.narrowedTo(List.of(Milestone.CAPITAL_INJECTED));
        ProjectDelay checkedAgain = narrowed.after(List.of(Milestone.CAPITAL_INJECTED), T2);

        assertThat(delayed.since()).isEqualTo(T1);
        assertThat(narrowed.overdue()).containsExactly(Milestone.CAPITAL_INJECTED);
        assertThat(narrowed.since()).isEqualTo(T1);
        assertThat(checkedAgain.since()).isEqualTo(T1);
        assertThat(checkedAgain.differsFrom(narrowed)).isFalse();
        assertThat(narrowed.differsFrom(delayed)).isTrue();
    }

    @Test
    void evidenceForEveryOverdueMilestoneEndsTheDelay() {
        ProjectDelay delayed = ProjectDelay.NONE.after(List.of(Milestone.BUSINESS_REGISTERED), T1);

        assertThat(delayed.narrowedTo(List.of(Milestone.CAPITAL_INJECTED))).isEqualTo(ProjectDelay.NONE);
        assertThat(delayed.after(List.of(), T2)).isEqualTo(ProjectDelay.NONE);
    }
}
