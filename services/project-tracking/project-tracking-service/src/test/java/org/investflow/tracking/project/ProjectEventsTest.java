package org.investflow.tracking.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.investflow.platform.domain.CaseId;
import org.investflow.platform.domain.Money;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.investflow.tracking.events.CapitalInjected;
import org.investflow.tracking.events.JobsReported;
import org.investflow.tracking.events.ProjectBackOnTrack;
import org.investflow.tracking.events.ProjectDelayed;
import org.junit.jupiter.api.Test;

/** The domain's value types leave in the events' plain shapes: case id and amounts as strings and numbers. */
class ProjectEventsTest {

    static final ProjectEvents EVENTS = new ProjectEvents(CaseId.of("CQ-2026-000123"), "investor-de-1");
    static final Actor OFFICER = new Actor("officer-li", Role.OFFICER);
    static final Instant NOW = Instant.parse("2026-06-30T17:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    @Test
    void aCorrectedInjectionCarriesItsAmountCurrencyRealisedCapitalAndWhatItCorrects() {
        EvidenceEntry<Injection> entry = new EvidenceEntry<>(new Injection(Money.of(new BigDecimal("6.00"), "EUR"), DAY), "E3",
                OFFICER.id(), NOW, "E2", "bank statement", null);

        CapitalInjected injected = EVENTS.injected(entry, Money.of(new BigDecimal("16.00"), "EUR"), true, OFFICER);

        assertThat(injected.caseId()).isEqualTo("CQ-2026-000123");
        assertThat(injected.amount()).isEqualByComparingTo("6.00");
        assertThat(injected.currency()).isEqualTo("EUR");
        assertThat(injected.realisedAmount()).isEqualByComparingTo("16.00");
        assertThat(injected.capitalExceeded()).isTrue();
        assertThat(injected.entryId()).isEqualTo("E3");
        assertThat(injected.supersedes()).isEqualTo("E2");
        assertThat(injected.reason()).isEqualTo("bank statement");
        assertThat(injected.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void aJobsReportCarriesTheCountAndTheFigureToDate() {
        JobsReported reported = EVENTS.jobsReported(new EvidenceEntry<>(new JobsCount(12, DAY), "E1", OFFICER.id(), NOW, null,
                null, null), 40, OFFICER);

        assertThat(reported.jobsCreated()).isEqualTo(12);
        assertThat(reported.jobsCreatedToDate()).isEqualTo(40);
        assertThat(reported.supersedes()).isNull();
    }

    @Test
    void aDelayNamesItsOverdueMilestonesAndNoneLeftIsBackOnTrack() {
        assertThat(EVENTS.delay(List.of(Milestone.BUSINESS_REGISTERED), DAY, NOW, Actor.SYSTEM))
                .isInstanceOfSatisfying(ProjectDelayed.class,
                        delayed -> assertThat(delayed.overdueMilestones()).containsExactly("BUSINESS_REGISTERED"));
        assertThat(EVENTS.delay(List.of(), DAY, NOW, OFFICER)).isInstanceOf(ProjectBackOnTrack.class);
    }
}
