package org.investflow.intake.intention;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.investflow.intake.events.IntentionScreened;
import org.investflow.intake.screening.ScreeningResult;
import org.investflow.intake.screening.ScreeningResult.Flag;
import org.investflow.intake.screening.ScreeningResult.Outcome;
import org.investflow.intake.screening.ScreeningResult.Reason;
import org.investflow.platform.events.Actor;
import org.junit.jupiter.api.Test;

class ScreeningRecordTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final ScreeningResult RESTRICTED = new ScreeningResult(Outcome.REVIEW, Set.of(Flag.RESTRICTED, Flag.MAJOR_PROJECT),
            List.of(new Reason("negative-list-2024#10", "restricted: telecoms")), "CQ-2026-000001",
            new BigDecimal("7750000.00"), "CNY");

    @Test
    void aDraftHasNoScreeningAndNoFlags() {
        ScreeningRecord record = new ScreeningRecord();
        assertThat(record.result()).isNull();
        assertThat(record.flags()).isEmpty();
    }

    @Test
    void raisedFlagsJoinScreeningsFlagsEachOnceSorted() {
        ScreeningRecord record = new ScreeningRecord();
        record.take(RESTRICTED);
        assertThat(record.raise(Flag.OVERDUE)).isTrue();
        assertThat(record.raise(Flag.OVERDUE)).isFalse();
        assertThat(record.flags()).containsExactly("MAJOR_PROJECT", "OVERDUE", "RESTRICTED");
    }

    @Test
    void theScreenedEventCarriesTheOutcomeItsReasonsAndTheRoute() {
        IntentionScreened screened = ScreeningRecord.screened("CQ-2026-000002", "investor-1", RESTRICTED, "officer-li", NOW);
        assertThat(screened.outcome()).isEqualTo("REVIEW");
        assertThat(screened.flags()).containsExactly("MAJOR_PROJECT", "RESTRICTED");
        assertThat(screened.reasons()).singleElement().satisfies(reason -> assertThat(reason.rule())
                .isEqualTo("negative-list-2024#10"));
        assertThat(screened.duplicateOf()).isEqualTo("CQ-2026-000001");
        assertThat(screened.assignedOfficerId()).isEqualTo("officer-li");
        assertThat(screened.actor()).isEqualTo(Actor.SYSTEM);
    }
}
