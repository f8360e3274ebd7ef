package org.investflow.tracking.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.investflow.tracking.project.ProjectTest.CLOCK;
import static org.investflow.tracking.project.ProjectTest.DEFAULT_RULE;
import static org.investflow.tracking.project.ProjectTest.OFFICER;
import static org.investflow.tracking.project.ProjectTest.TODAY;
import static org.investflow.tracking.project.ProjectTest.record;
import static org.investflow.tracking.project.ProjectTest.started;

import java.math.BigDecimal;
import java.util.List;

import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.InvalidInputException;
import org.investflow.platform.domain.Money;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.investflow.tracking.events.CapitalInjected;
import org.investflow.tracking.events.ProjectLanded;
import org.investflow.tracking.events.TrackingEvent;
import org.junit.jupiter.api.Test;

/** Capital injections of a project committing EUR 120,000,000.00. */
class CapitalInjectionTest {

    static List<TrackingEvent> inject(Project project, String amount, String currency) {
        return project.inject(new Injection(Money.of(new BigDecimal(amount), currency), TODAY.minusDays(2)), OFFICER, DEFAULT_RULE, CLOCK);
    }

    @Test
    void injectionsAccumulateIntoTheRealisedCapitalAndEachPublishesCapitalInjected() {
        Project project = started();
        inject(project, "30000000.00", "EUR");
        List<TrackingEvent> events = inject(project, "45000000.50", "EUR");

        assertThat(project.realisedCapital().amount()).isEqualByComparingTo("75000000.50");
        assertThat(project.evidence().injections()).hasSize(2);
        assertThat(project.flags()).isEmpty();
        assertThat(events).singleElement().isInstanceOfSatisfying(CapitalInjected.class, injected -> {
            assertThat(injected.amount()).isEqualByComparingTo("45000000.50");
            assertThat(injected.realisedAmount()).isEqualByComparingTo("75000000.50");
            assertThat(injected.capitalExceeded()).isFalse();
            assertThat(injected.actor()).isEqualTo(OFFICER);
        });
    }

    @Test
    void moreThanCommittedIsAcceptedButFlaggedAndExactlyCommittedIsNot() {
        Project project = started();
        inject(project, "120000000.00", "EUR");
        assertThat(project.flags()).isEmpty();

        List<TrackingEvent> events = inject(project, "0.01", "EUR");
        assertThat(project.flags()).containsExactly(ProjectFlag.CAPITAL_EXCEEDED);
        assertThat(((CapitalInjected) events.get(0)).capitalExceeded()).isTrue();
    }

    @Test
    void anotherCurrencyIsRefusedNamingItAndNothingIsRecorded() {
        Project project = started();
        assertThatThrownBy(() -> inject(project, "1000.00", "USD")).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.fieldErrors().get("currency")).contains("USD").contains("EUR"));
        assertThat(project.evidence().injections()).isEmpty();
    }

    @Test
    void aFutureDayAnotherOfficerAreRefused() {
        Project project = started();
        assertThatThrownBy(() -> project.inject(new Injection(Money.of(BigDecimal.TEN, "EUR"), TODAY.plusDays(1)), OFFICER,
                DEFAULT_RULE, CLOCK)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> project.inject(new Injection(Money.of(BigDecimal.TEN, "EUR"), TODAY), new Actor("officer-zhao", Role.OFFICER),
                DEFAULT_RULE, CLOCK)).isInstanceOf(ForbiddenException.class);
        assertThat(project.evidence().injections()).isEmpty();
    }

    @Test
    void theFirstInjectionCountsAsTheCapitalMilestoneForLandingWithoutRecordingIt() {
        Project project = started();
        record(project, Milestone.BUSINESS_REGISTERED);
        record(project, Milestone.CONSTRUCTION_STARTED);

        List<TrackingEvent> events = inject(project, "1000000.00", "EUR");

        assertThat(events).hasSize(2).last().isInstanceOf(ProjectLanded.class);
        assertThat(project.status()).isEqualTo(ProjectStatus.LANDED);
        assertThat(project.evidence().achieved()).doesNotContain(Milestone.CAPITAL_INJECTED);
        assertThat(inject(project, "1000000.00", "EUR")).singleElement().isInstanceOf(CapitalInjected.class);
    }

    @Test
    void anInjectionBeforeTheOtherMilestonesLetsTheLastMilestoneLand() {
        Project project = started();
        inject(project, "1000000.00", "EUR");
        record(project, Milestone.BUSINESS_REGISTERED);
        assertThat(project.status()).isEqualTo(ProjectStatus.IN_PROGRESS);

        assertThat(record(project, Milestone.CONSTRUCTION_STARTED)).last().isInstanceOf(ProjectLanded.class);
        assertThat(project.status()).isEqualTo(ProjectStatus.LANDED);
    }
}
