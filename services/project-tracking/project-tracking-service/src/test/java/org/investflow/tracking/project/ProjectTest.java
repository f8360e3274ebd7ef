package org.investflow.tracking.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.investflow.platform.domain.CaseId;
import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.domain.Money;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.investflow.tracking.events.MilestoneRecorded;
import org.investflow.tracking.events.ProjectLanded;
import org.investflow.tracking.events.ProjectOperating;
import org.investflow.tracking.events.ProjectStarted;
import org.investflow.tracking.events.TrackingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProjectTest {

    static final ZoneId CHONGQING = ZoneId.of("Asia/Shanghai");
    /** 2026-07-01 01:00 in Chongqing, still 2026-06-30 in UTC. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T17:00:00Z"), CHONGQING);
    static final LocalDate TODAY = LocalDate.of(2026, 7, 1);
    static final Actor OFFICER = new Actor("officer-li", Role.OFFICER);
    static final ProjectParties PARTIES = new ProjectParties("investor-de-1", OFFICER.id());
    static final LandingRule DEFAULT_RULE = new LandingRule(
            Set.of(Milestone.BUSINESS_REGISTERED, Milestone.CONSTRUCTION_STARTED, Milestone.CAPITAL_INJECTED));
    static final Set<String> LEGAL = Set.of("IN_PROGRESS>LANDED", "LANDED>OPERATING");

    static Project started() {
        Commitment commitment = new Commitment(Money.of(new BigDecimal("120000000.00"), "EUR"), 350, LocalDate.of(2028, 6, 30));
        return Project.start(CaseId.of("CQ-2026-000123"), PARTIES, commitment, "contract-event-1", CLOCK.instant()).project();
    }

    static Project landed() {
        Project project = started();
        record(project, Milestone.BUSINESS_REGISTERED);
        record(project, Milestone.CONSTRUCTION_STARTED);
        record(project, Milestone.CAPITAL_INJECTED);
        return project;
    }

    static List<TrackingEvent> record(Project project, Milestone milestone) {
        return project.record(new Achievement(milestone, TODAY.minusDays(3)), OFFICER, DEFAULT_RULE, CLOCK);
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(ProjectStatus.values())
                .flatMap(from -> Stream.of(ProjectStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheDrawnTransitionsAreAllowed(ProjectStatus from, ProjectStatus to) {
        assertThat(from.canTransitionTo(to)).isEqualTo(LEGAL.contains(from + ">" + to));
    }

    @Test
    void startingRaisesProjectStartedWithTheCommitmentAndRemembersTheContractEvent() {
        Commitment commitment = new Commitment(Money.of(new BigDecimal("5.50"), "USD"), 0, LocalDate.of(2027, 1, 31));
        Project.Start start = Project.start(CaseId.of("CQ-2026-000124"), new ProjectParties("investor-us-1", "officer-zhao"),
                commitment, "event-7", CLOCK.instant());
        assertThat(start.project().status()).isEqualTo(ProjectStatus.IN_PROGRESS);
        assertThat(start.project().officerId()).isEqualTo("officer-zhao");
        assertThat(start.project().hasHandled("event-7")).isTrue();
        assertThat(start.events()).singleElement().isInstanceOfSatisfying(ProjectStarted.class, event -> {
            assertThat(event.committedAmount()).isEqualByComparingTo("5.50");
            assertThat(event.committedJobs()).isZero();
            assertThat(event.landingDeadline()).isEqualTo(LocalDate.of(2027, 1, 31));
            assertThat(event.actor()).isEqualTo(Actor.SYSTEM);
        });
    }

    @Test
    void aMilestoneShortOfTheRuleIsRecordedAndTheProjectStaysInProgress() {
        Project project = started();
        assertThat(record(project, Milestone.BUSINESS_REGISTERED)).singleElement()
                .isInstanceOfSatisfying(MilestoneRecorded.class, event -> {
                    assertThat(event.milestone()).isEqualTo("BUSINESS_REGISTERED");
                    assertThat(event.achievedOn()).isEqualTo(TODAY.minusDays(3));
                    assertThat(event.actor()).isEqualTo(OFFICER);
                });
        assertThat(project.status()).isEqualTo(ProjectStatus.IN_PROGRESS);
        assertThat(project.evidence().milestones()).singleElement().extracting(EvidenceEntry::recordedBy).isEqualTo("officer-li");
    }

    @Test
    void theMilestoneCompletingTheLandingRuleLandsTheProjectInTheSameCommand() {
        Project project = started();
        record(project, Milestone.CAPITAL_INJECTED);
        record(project, Milestone.BUSINESS_REGISTERED);
        assertThat(record(project, Milestone.CONSTRUCTION_STARTED))
                .hasExactlyElementsOfTypes(MilestoneRecorded.class, ProjectLanded.class);
        assertThat(project.status()).isEqualTo(ProjectStatus.LANDED);
        assertThat(project.landedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void theConfiguredRuleDecidesWhatLanding() {
        Project project = started();
        LandingRule registrationOnly = new LandingRule(Set.of(Milestone.BUSINESS_REGISTERED));
        assertThat(project.record(new Achievement(Milestone.BUSINESS_REGISTERED, TODAY), OFFICER, registrationOnly, CLOCK))
                .hasExactlyElementsOfTypes(MilestoneRecorded.class, ProjectLanded.class);
    }

    @Test
    void anOfficerTheProjectIsNotAssignedToRecordsNothing() {
        Project project = started();
        Actor anotherOfficer = new Actor("officer-chen", Role.OFFICER);
        assertThatThrownBy(() -> project.record(new Achievement(Milestone.BUSINESS_REGISTERED, TODAY), anotherOfficer,
                DEFAULT_RULE, CLOCK))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("assigned to another officer");
        assertThat(project.evidence().milestones()).isEmpty();
        assertThat(project.status()).isEqualTo(ProjectStatus.IN_PROGRESS);
    }

    @Test
    void aProjectCannotStartWithoutTheOfficerItIsAssignedTo() {
        assertThatThrownBy(() -> new ProjectParties("investor-de-1", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void recordingTheSameMilestoneTwiceIsRefused() {
        Project project = started();
        record(project, Milestone.BUSINESS_REGISTERED);
        assertThatThrownBy(() -> record(project, Milestone.BUSINESS_REGISTERED))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("already recorded");
        assertThat(project.evidence().milestones()).hasSize(1);
    }

    @Test
    void aMilestoneAchievedTomorrowIsRefusedButTodayInChongqingIsFine() {
        Project project = started();
        assertThatThrownBy(() -> project.record(new Achievement(Milestone.BUSINESS_REGISTERED, TODAY.plusDays(1)),
                OFFICER, DEFAULT_RULE, CLOCK)).isInstanceOf(RuleViolationException.class);
        assertThat(project.evidence().milestones()).isEmpty();
        assertThat(project.record(new Achievement(Milestone.BUSINESS_REGISTERED, TODAY), OFFICER, DEFAULT_RULE, CLOCK))
                .hasSize(1);
    }

    @Test
    void aLandedProjectRecordsNoFurtherLandingMilestoneNamingItsState() {
        Project project = started();
        LandingRule registrationOnly = new LandingRule(Set.of(Milestone.BUSINESS_REGISTERED));
        project.record(new Achievement(Milestone.BUSINESS_REGISTERED, TODAY), OFFICER, registrationOnly, CLOCK);
        assertThatThrownBy(() -> project.record(new Achievement(Milestone.CAPITAL_INJECTED, TODAY), OFFICER, registrationOnly, CLOCK))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        refused -> assertThat(refused.currentState()).isEqualTo("LANDED"));
    }

    @Test
    void operationCannotStartBeforeTheProjectLanded() {
        Project project = started();
        assertThatThrownBy(() -> record(project, Milestone.OPERATION_STARTED))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        refused -> assertThat(refused.currentState()).isEqualTo("IN_PROGRESS"));
        assertThat(project.evidence().milestones()).isEmpty();
    }

    @Test
    void aLandedProjectStartsOperatingAndThenRecordsNothingMore() {
        Project project = landed();
        List<TrackingEvent> events = record(project, Milestone.OPERATION_STARTED);
        assertThat(events).hasSize(2).first()
                .isInstanceOfSatisfying(MilestoneRecorded.class, event -> assertThat(event.milestone()).isEqualTo("OPERATION_STARTED"));
        assertThat(events.get(1)).isInstanceOfSatisfying(ProjectOperating.class,
                operating -> assertThat(operating.operatingSince()).isEqualTo(TODAY.minusDays(3)));
        assertThat(project.status()).isEqualTo(ProjectStatus.OPERATING);
        assertThat(project.operatingSince()).isEqualTo(CLOCK.instant());
        assertThatThrownBy(() -> record(project, Milestone.OPERATION_STARTED)).isInstanceOf(RuleViolationException.class);
    }

    static Project at(ProjectStatus status) {
        Project project = status == ProjectStatus.IN_PROGRESS ? started() : landed();
        if (status == ProjectStatus.OPERATING) {
            record(project, Milestone.OPERATION_STARTED);
        }
        return project;
    }

    static Stream<Arguments> everyStatusAndMilestone() {
        return Stream.of(
                Arguments.of(ProjectStatus.IN_PROGRESS, Milestone.BUSINESS_REGISTERED, List.of(MilestoneRecorded.class),
                        ProjectStatus.IN_PROGRESS),
                Arguments.of(ProjectStatus.IN_PROGRESS, Milestone.OPERATION_STARTED, List.of(), ProjectStatus.IN_PROGRESS),
                Arguments.of(ProjectStatus.LANDED, Milestone.OPERATION_STARTED,
                        List.of(MilestoneRecorded.class, ProjectOperating.class), ProjectStatus.OPERATING),
                Arguments.of(ProjectStatus.LANDED, Milestone.BUSINESS_REGISTERED, List.of(), ProjectStatus.LANDED),
                Arguments.of(ProjectStatus.OPERATING, Milestone.OPERATION_STARTED, List.of(), ProjectStatus.OPERATING));
    }

    /** Given a status, recording a milestone causes these events (none: refused) and leaves this status. */
    @ParameterizedTest(name = "{0} + {1} -> {3}")
    @MethodSource("everyStatusAndMilestone")
    void recordingAMilestoneMovesTheProjectOnlyAlongTheDrawnLifecycle(ProjectStatus given, Milestone milestone,
                                                                      List<Class<?>> events, ProjectStatus then) {
        Project project = at(given);
        if (events.isEmpty()) {
            assertThatThrownBy(() -> record(project, milestone)).isInstanceOfAny(IllegalTransitionException.class,
                    RuleViolationException.class);
        } else {
            assertThat(record(project, milestone)).extracting(Object::getClass).containsExactlyElementsOf(events);
        }
        assertThat(project.status()).isEqualTo(then);
    }
}
