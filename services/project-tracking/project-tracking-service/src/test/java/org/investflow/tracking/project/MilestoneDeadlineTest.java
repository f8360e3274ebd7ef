package org.investflow.tracking.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.tracking.project.ProjectTest.CHONGQING;
import static org.investflow.tracking.project.ProjectTest.DEFAULT_RULE;
import static org.investflow.tracking.project.ProjectTest.OFFICER;
import static org.investflow.tracking.project.ProjectTest.PARTIES;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.investflow.platform.domain.CaseId;
import org.investflow.platform.domain.Money;
import org.investflow.tracking.events.CapitalInjected;
import org.investflow.tracking.events.ProjectBackOnTrack;
import org.investflow.tracking.events.ProjectDelayed;
import org.investflow.tracking.events.ProjectLanded;
import org.investflow.tracking.events.TrackingEvent;
import org.junit.jupiter.api.Test;

/**
 * The contract's own milestone deadlines and capital schedule, against a controlled clock in the commission's
 * zone: landing deadline 2027-06-30; registration due 2026-09-30, construction 2026-12-31, first capital
 * 2027-03-31 (tranches 400 by 2027-03-31, 600 by 2027-06-30).
 */
class MilestoneDeadlineTest {

    static final LocalDate LANDING = LocalDate.of(2027, 6, 30);
    static final MilestoneDeadlines DEADLINES = new MilestoneDeadlines(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 31),
            LocalDate.of(2026, 12, 31), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 9, 30));
    static final List<CapitalTranche> TRANCHES = List.of(new CapitalTranche(new BigDecimal("400.00"), LocalDate.of(2027, 3, 31)),
            new CapitalTranche(new BigDecimal("600.00"), LocalDate.of(2027, 6, 30)));

    /** 00:30 in Chongqing of the day after {@code day}. */
    static Clock dayAfter(LocalDate day) {
        return Clock.fixed(day.plusDays(1).atStartOfDay(CHONGQING).plusMinutes(30).toInstant(), CHONGQING);
    }

    /** 23:30 in Chongqing of {@code day}. */
    static Clock lateOn(LocalDate day) {
        return Clock.fixed(day.atStartOfDay(CHONGQING).plusHours(23).plusMinutes(30).toInstant(), CHONGQING);
    }

    static Project started(List<CapitalTranche> tranches, MilestoneDeadlines deadlines) {
        Commitment commitment = new Commitment(Money.of(new BigDecimal("1000.00"), "EUR"), 10, LANDING, tranches, deadlines);
        return Project.start(CaseId.of("CQ-2026-000888"), PARTIES, commitment, "contract-1", Instant.parse("2026-01-01T00:00:00Z")).project();
    }

    static List<String> overdueAt(Project project, Clock clock) {
        List<TrackingEvent> events = project.checkDelay(DEFAULT_RULE, clock);
        return events.stream().filter(ProjectDelayed.class::isInstance).map(ProjectDelayed.class::cast)
                .flatMap(delayed -> delayed.overdueMilestones().stream()).toList();
    }

    @Test
    void eachMilestoneBecomesOverdueTheDayAfterItsOwnDeadline() {
        Project project = started(TRANCHES, DEADLINES);

        assertThat(project.checkDelay(DEFAULT_RULE, lateOn(DEADLINES.businessRegistration()))).isEmpty();
        assertThat(overdueAt(project, dayAfter(DEADLINES.businessRegistration()))).containsExactly("BUSINESS_REGISTERED");
        assertThat(project.checkDelay(DEFAULT_RULE, lateOn(DEADLINES.constructionStart()))).as("unchanged").isEmpty();
        assertThat(overdueAt(project, dayAfter(DEADLINES.constructionStart())))
                .containsExactly("BUSINESS_REGISTERED", "CONSTRUCTION_STARTED");
        assertThat(overdueAt(project, dayAfter(DEADLINES.firstCapitalInjection())))
                .containsExactly("BUSINESS_REGISTERED", "CONSTRUCTION_STARTED", "CAPITAL_INJECTED");
        assertThat(project.delayedSince()).as("delayed since the first overdue milestone")
                .isEqualTo(dayAfter(DEADLINES.businessRegistration()).instant());
    }

    @Test
    void evidenceClearsTheOverdueMilestoneAndTheNextDeadlineFlagsTheNextOne() {
        Project project = started(TRANCHES, DEADLINES);
        Clock afterRegistrationDeadline = dayAfter(DEADLINES.businessRegistration());
        overdueAt(project, afterRegistrationDeadline);

        List<TrackingEvent> events = project.record(new Achievement(Milestone.BUSINESS_REGISTERED, LocalDate.of(2026, 10, 1)),
                OFFICER, DEFAULT_RULE, afterRegistrationDeadline);

        assertThat(events).last().isInstanceOf(ProjectBackOnTrack.class);
        assertThat(project.flags()).doesNotContain(ProjectFlag.DELAYED);
        assertThat(project.checkDelay(DEFAULT_RULE, lateOn(DEADLINES.constructionStart()))).isEmpty();
        assertThat(overdueAt(project, dayAfter(DEADLINES.constructionStart()))).containsExactly("CONSTRUCTION_STARTED");
    }

    @Test
    void aMilestoneWithoutItsOwnDeadlineIsDueByTheLandingDeadline() {
        MilestoneDeadlines registrationOnly = new MilestoneDeadlines(DEADLINES.businessRegistration(), null, null, null, null);
        Project project = started(TRANCHES, registrationOnly);

        assertThat(overdueAt(project, dayAfter(DEADLINES.firstCapitalInjection()))).containsExactly("BUSINESS_REGISTERED");
        assertThat(overdueAt(project, dayAfter(LANDING)))
                .containsExactly("BUSINESS_REGISTERED", "CONSTRUCTION_STARTED", "CAPITAL_INJECTED");
    }

    @Test
    void aMilestoneDeadlineAfterTheLandingDeadlineStillEndsAtTheLandingDeadline() {
        MilestoneDeadlines late = new MilestoneDeadlines(null, null, LANDING.plusMonths(6), null, null);
        Project project = started(List.of(), late);

        assertThat(overdueAt(project, dayAfter(LANDING)))
                .containsExactly("BUSINESS_REGISTERED", "CONSTRUCTION_STARTED", "CAPITAL_INJECTED");
    }

    @Test
    void aContractWithoutScheduleOrDeadlinesMakesEveryMilestoneDueByTheLandingDeadline() {
        Project project = started(List.of(), null);

        assertThat(project.checkDelay(DEFAULT_RULE, dayAfter(DEADLINES.firstCapitalInjection()))).isEmpty();
        assertThat(project.checkDelay(DEFAULT_RULE, lateOn(LANDING))).isEmpty();
        assertThat(overdueAt(project, dayAfter(LANDING)))
                .containsExactly("BUSINESS_REGISTERED", "CONSTRUCTION_STARTED", "CAPITAL_INJECTED");
        assertThat(project.commitment().tranches()).isEmpty();
    }

    @Test
    void withAScheduleCapitalCountsForLandingOnceTheFirstTrancheIsIn() {
        Project project = started(TRANCHES, DEADLINES);
        Clock clock = dayAfter(DEADLINES.firstCapitalInjection());
        project.record(new Achievement(Milestone.BUSINESS_REGISTERED, LocalDate.of(2026, 9, 1)), OFFICER, DEFAULT_RULE, clock);
        project.record(new Achievement(Milestone.CONSTRUCTION_STARTED, LocalDate.of(2026, 12, 1)), OFFICER, DEFAULT_RULE, clock);
        overdueAt(project, clock);
        assertThat(project.overdue()).containsExactly(Milestone.CAPITAL_INJECTED);

        assertThat(project.inject(new Injection(Money.of(new BigDecimal("399.99"), "EUR"), LocalDate.of(2027, 3, 1)), OFFICER, DEFAULT_RULE,
                clock)).extracting(Object::getClass).containsExactly(CapitalInjected.class);
        assertThat(project.status()).isEqualTo(ProjectStatus.IN_PROGRESS);
        assertThat(project.overdue()).containsExactly(Milestone.CAPITAL_INJECTED);

        assertThat(project.inject(new Injection(Money.of(new BigDecimal("0.01"), "EUR"), LocalDate.of(2027, 3, 2)), OFFICER, DEFAULT_RULE,
                clock)).extracting(Object::getClass)
                .containsExactly(CapitalInjected.class, ProjectLanded.class, ProjectBackOnTrack.class);
    }

    @Test
    void withoutAScheduleTheFirstInjectionCountsForLandingAsBefore() {
        Project project = started(List.of(), null);
        Clock clock = lateOn(LocalDate.of(2026, 12, 1));
        project.record(new Achievement(Milestone.BUSINESS_REGISTERED, LocalDate.of(2026, 9, 1)), OFFICER, DEFAULT_RULE, clock);
        project.record(new Achievement(Milestone.CONSTRUCTION_STARTED, LocalDate.of(2026, 11, 1)), OFFICER, DEFAULT_RULE, clock);

        assertThat(project.inject(new Injection(Money.of(new BigDecimal("0.01"), "EUR"), LocalDate.of(2026, 11, 2)), OFFICER, DEFAULT_RULE,
                clock)).extracting(Object::getClass).containsExactly(CapitalInjected.class, ProjectLanded.class);
    }
}
