package org.investflow.tracking.project;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.investflow.platform.events.Actor;
import org.investflow.tracking.events.ProjectBackOnTrack;
import org.investflow.tracking.events.ProjectDelayed;
import org.investflow.tracking.events.ProjectLanded;
import org.investflow.tracking.events.TrackingEvent;
import org.junit.jupiter.api.Test;

/** The delay check against a controlled clock: the landing deadline is 2026-06-30 (Chongqing). */
class DelayTest {

    static final LocalDate DEADLINE = LocalDate.of(2026, 6, 30);
    /** 2026-06-30 23:30 in Chongqing: still the deadline day. */
    static final Clock ON_DEADLINE = Clock.fixed(Instant.parse("2026-06-30T15:30:00Z"), ProjectTest.CHONGQING);
    /** 2026-07-01 00:30 in Chongqing: the day after (still 2026-06-30 in UTC). */
    static final Clock DAY_AFTER = Clock.fixed(Instant.parse("2026-06-30T16:30:00Z"), ProjectTest.CHONGQING);

    static Project started() {
        Commitment commitment = new Commitment(Money.of(new BigDecimal("1000.00"), "EUR"), 10, DEADLINE);
        return Project.start(CaseId.of("CQ-2026-000777"), PARTIES, commitment, "contract-1", Instant.parse("2026-01-01T00:00:00Z")).project();
    }

    static List<TrackingEvent> record(Project project, Milestone milestone) {
        return project.record(new Achievement(milestone, DEADLINE.minusDays(1)), OFFICER, DEFAULT_RULE, DAY_AFTER);
    }

    @Test
    void nothingIsOverdueOnTheDeadlineDayItself() {
        Project project = started();
        assertThat(project.checkDelay(DEFAULT_RULE, ON_DEADLINE)).isEmpty();
        assertThat(project.flags()).doesNotContain(ProjectFlag.DELAYED);
    }

    @Test
    void theDayAfterTheDeadlineTheMissingMilestonesAreNamedOnceInTheCommissionsOrder() {
        Project project = started();
        record(project, Milestone.CONSTRUCTION_STARTED);

        List<TrackingEvent> events = project.checkDelay(DEFAULT_RULE, DAY_AFTER);

        assertThat(events).singleElement().isInstanceOfSatisfying(ProjectDelayed.class, delayed -> {
            assertThat(delayed.overdueMilestones()).containsExactly("BUSINESS_REGISTERED", "CAPITAL_INJECTED");
            assertThat(delayed.deadline()).isEqualTo(DEADLINE);
            assertThat(delayed.actor()).isEqualTo(Actor.SYSTEM);
        });
        assertThat(project.flags()).contains(ProjectFlag.DELAYED);
        assertThat(project.delayedSince()).isEqualTo(DAY_AFTER.instant());
        assertThat(project.checkDelay(DEFAULT_RULE, DAY_AFTER)).as("an unchanged delay publishes nothing again").isEmpty();
    }

    @Test
    void evidenceForPartOfTheOverdueMilestonesNarrowsTheDelayAndTheRestClearsIt() {
        Project project = started();
        project.checkDelay(DEFAULT_RULE, DAY_AFTER);

        assertThat(record(project, Milestone.BUSINESS_REGISTERED)).last().isInstanceOfSatisfying(ProjectDelayed.class,
                delayed -> assertThat(delayed.overdueMilestones()).containsExactly("CONSTRUCTION_STARTED", "CAPITAL_INJECTED"));
        assertThat(project.overdue()).containsExactly(Milestone.CONSTRUCTION_STARTED, Milestone.CAPITAL_INJECTED);

        record(project, Milestone.CONSTRUCTION_STARTED);
        List<TrackingEvent> events = project.inject(new Injection(Money.of(BigDecimal.TEN, "EUR"), DEADLINE), OFFICER, DEFAULT_RULE, DAY_AFTER);

        assertThat(events).extracting(Object::getClass).containsExactly(
                org.investflow.tracking.events.CapitalInjected.class, ProjectLanded.class, ProjectBackOnTrack.class);
        assertThat(project.flags()).doesNotContain(ProjectFlag.DELAYED);
        assertThat(project.overdue()).isEmpty();
        assertThat(project.delayedSince()).isNull();
    }

    @Test
    void aLandedProjectIsNeverDelayed() {
        Project project = started();
        record(project, Milestone.BUSINESS_REGISTERED);
        record(project, Milestone.CONSTRUCTION_STARTED);
        record(project, Milestone.CAPITAL_INJECTED);

        assertThat(project.status()).isEqualTo(ProjectStatus.LANDED);
        assertThat(project.checkDelay(DEFAULT_RULE, DAY_AFTER)).isEmpty();
    }

    @Test
    void aDelayedProjectThatOwesNothingUnderARelaxedRuleIsBackOnTrackAtTheNextCheck() {
        Project project = started();
        record(project, Milestone.CONSTRUCTION_STARTED);
        project.checkDelay(DEFAULT_RULE, DAY_AFTER);

        LandingRule constructionOnly = new LandingRule(java.util.Set.of(Milestone.CONSTRUCTION_STARTED));
        assertThat(project.checkDelay(constructionOnly, DAY_AFTER)).singleElement().isInstanceOfSatisfying(ProjectBackOnTrack.class,
                back -> assertThat(back.actor()).isEqualTo(Actor.SYSTEM));
        assertThat(project.flags()).doesNotContain(ProjectFlag.DELAYED);
        assertThat(project.checkDelay(constructionOnly, DAY_AFTER)).isEmpty();
    }

    @Test
    void aStricterLandingRuleNamesOnlyItsOwnMilestones() {
        Project project = started();
        LandingRule registrationOnly = new LandingRule(java.util.Set.of(Milestone.BUSINESS_REGISTERED));
        assertThat(project.checkDelay(registrationOnly, DAY_AFTER)).singleElement().isInstanceOfSatisfying(ProjectDelayed.class,
                delayed -> assertThat(delayed.overdueMilestones()).containsExactly("BUSINESS_REGISTERED"));
    }
}
