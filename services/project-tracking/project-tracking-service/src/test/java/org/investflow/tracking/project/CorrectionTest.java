package org.investflow.tracking.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.investflow.tracking.project.ProjectTest.CLOCK;
import static org.investflow.tracking.project.ProjectTest.OFFICER;
import static org.investflow.tracking.project.ProjectTest.TODAY;
import static org.investflow.tracking.project.ProjectTest.landed;
import static org.investflow.tracking.project.ProjectTest.record;
import static org.investflow.tracking.project.ProjectTest.started;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.InvalidInputException;
import org.investflow.platform.domain.Money;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.investflow.tracking.events.CapitalInjected;
import org.investflow.tracking.events.JobsReported;
import org.investflow.tracking.events.MilestoneRecorded;
import org.investflow.tracking.events.TrackingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Corrections: a new entry supersedes a named earlier one; the old stays in the record, the figures use the effective entries. */
class CorrectionTest {

    static List<TrackingEvent> inject(Project project, String amount) {
        return CapitalInjectionTest.inject(project, amount, "EUR");
    }

    static List<TrackingEvent> correctInjection(Project project, String supersedes, String amount) {
        return project.correct(new Injection(Money.of(new BigDecimal(amount), "EUR"), TODAY.minusDays(1)),
                new Correction(supersedes, "bank statement differs"), OFFICER, CLOCK);
    }

    @Test
    void everyEntryGetsTheNextIdOfOneSequenceAcrossKinds() {
        Project project = started();
        assertThat(((MilestoneRecorded) record(project, Milestone.BUSINESS_REGISTERED).get(0)).entryId()).isEqualTo("E1");
        assertThat(((CapitalInjected) inject(project, "10.00").get(0)).entryId()).isEqualTo("E2");
        assertThat(((JobsReported) project.reportJobs(new JobsCount(12, TODAY), null, OFFICER, CLOCK).get(0)).entryId())
                .isEqualTo("E3");
    }

    @Test
    void aCorrectedInjectionStopsCountingStaysVisibleAndTheRealisedCapitalIsRecomputed() {
        Project project = started();
        inject(project, "30000000.00");
        inject(project, "100000000.00");
        assertThat(project.flags()).contains(ProjectFlag.CAPITAL_EXCEEDED);

        List<TrackingEvent> events = correctInjection(project, "E2", "10000000.00");

        assertThat(project.realisedCapital().amount()).isEqualByComparingTo("40000000.00");
        assertThat(project.flags()).doesNotContain(ProjectFlag.CAPITAL_EXCEEDED);
        assertThat(project.evidence().injections()).extracting(EvidenceEntry::entryId, EvidenceEntry::supersededBy,
                EvidenceEntry::supersedes).containsExactly(
                org.assertj.core.groups.Tuple.tuple("E1", null, null),
                org.assertj.core.groups.Tuple.tuple("E2", "E3", null),
                org.assertj.core.groups.Tuple.tuple("E3", null, "E2"));
        assertThat(events).singleElement().isInstanceOfSatisfying(CapitalInjected.class, corrected -> {
            assertThat(corrected.supersedes()).isEqualTo("E2");
            assertThat(corrected.reason()).isEqualTo("bank statement differs");
            assertThat(corrected.realisedAmount()).isEqualByComparingTo("40000000.00");
            assertThat(corrected.capitalExceeded()).isFalse();
        });
    }

    @Test
    void aCorrectionOfACorrectionIsAllowedButTheSupersededEntryCannotBeCorrectedTwice() {
        Project project = started();
        inject(project, "5.00");
        correctInjection(project, "E1", "6.00");

        assertThatThrownBy(() -> correctInjection(project, "E1", "7.00")).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("E2");
        correctInjection(project, "E2", "7.00");
        assertThat(project.realisedCapital().amount()).isEqualByComparingTo("7.00");
        assertThat(project.evidence().injections()).hasSize(3);
    }

    @Test
    void aCorrectionMustNameAnEntryOfTheSameKind() {
        Project project = started();
        record(project, Milestone.BUSINESS_REGISTERED);
        inject(project, "5.00");

        assertThatThrownBy(() -> correctInjection(project, "E1", "6.00")).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.fieldErrors()).containsKey("supersedes"));
        assertThatThrownBy(() -> correctInjection(project, "E9", "6.00")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> project.correct(new Achievement(Milestone.CONSTRUCTION_STARTED, TODAY),
                new Correction("E1", "wrong milestone"), OFFICER, CLOCK)).isInstanceOf(InvalidInputException.class);
        assertThat(project.evidence().injections()).hasSize(1);
        assertThat(project.evidence().milestones()).hasSize(1);
    }

    @Test
    void aMilestoneDayIsCorrectedEvenAfterLandingAndTheStatusStays() {
        Project project = landed();
        List<TrackingEvent> events = project.correct(new Achievement(Milestone.CONSTRUCTION_STARTED, TODAY.minusDays(30)),
                new Correction("E2", "the permit shows an earlier start"), OFFICER, CLOCK);

        assertThat(project.status()).isEqualTo(ProjectStatus.LANDED);
        assertThat(project.evidence().achieved()).containsExactlyInAnyOrder(Milestone.BUSINESS_REGISTERED, Milestone.CONSTRUCTION_STARTED,
                Milestone.CAPITAL_INJECTED);
        assertThat(project.evidence().milestones()).hasSize(4);
        assertThat(project.evidence().milestones().get(1).supersededBy()).isEqualTo("E4");
        assertThat(events).singleElement().isInstanceOfSatisfying(MilestoneRecorded.class, corrected -> {
            assertThat(corrected.achievedOn()).isEqualTo(TODAY.minusDays(30));
            assertThat(corrected.supersedes()).isEqualTo("E2");
        });
    }

    @Test
    void jobsCreatedIsTheLatestReportInEffectAndACorrectionReplacesIt() {
        Project project = started();
        project.reportJobs(new JobsCount(40, TODAY.minusDays(60)), null, OFFICER, CLOCK);
        project.reportJobs(new JobsCount(95, TODAY.minusDays(5)), null, OFFICER, CLOCK);
        assertThat(project.evidence().jobsCreated()).isEqualTo(95);

        project.reportJobs(new JobsCount(59, TODAY.minusDays(5)), new Correction("E2", "double-counted contractors"), OFFICER, CLOCK);

        assertThat(project.evidence().jobsCreated()).isEqualTo(59);
        assertThat(project.evidence().jobReports()).hasSize(3);
        assertThat(project.evidence().jobReports().get(1).supersededBy()).isEqualTo("E3");
    }

    @Test
    void correctionsNeedTheAssignedOfficerAPastDayAndAReason() {
        Project project = started();
        inject(project, "5.00");
        assertThatThrownBy(() -> project.correct(new Injection(Money.of(BigDecimal.ONE, "EUR"), TODAY), new Correction("E1", "x"),
                new Actor("officer-zhao", Role.OFFICER), CLOCK)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> project.correct(new Injection(Money.of(BigDecimal.ONE, "EUR"), TODAY.plusDays(1)), new Correction("E1", "x"),
                OFFICER, CLOCK)).isInstanceOf(RuleViolationException.class);
        assertThat(project.evidence().injections()).hasSize(1);
    }

    static Stream<Arguments> badCorrections() {
        return Stream.of(Arguments.of("E1", " ", "reason"), Arguments.of("E1", null, "reason"),
                Arguments.of("E1", "x".repeat(501), "reason"), Arguments.of(null, "why", "supersedes"),
                Arguments.of("first", "why", "supersedes"), Arguments.of("E1234567890", "why", "supersedes"));
    }

    @ParameterizedTest(name = "supersedes={0} -> {2}")
    @MethodSource("badCorrections")
    void aCorrectionWithoutAnEntryIdOrAReasonOfOneTo500CharactersIsRefusedNamingTheField(String supersedes, String reason,
                                                                                        String field) {
        assertThatThrownBy(() -> new Correction(supersedes, reason)).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.fieldErrors()).containsOnlyKeys(field));
    }
}
