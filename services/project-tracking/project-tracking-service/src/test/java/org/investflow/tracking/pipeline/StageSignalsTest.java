package org.investflow.tracking.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.investflow.intake.events.IntentionSubmitted;
import org.investflow.intake.events.IntentionWithdrawn;
import org.investflow.negotiation.events.NegotiationFailed;
import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.events.TermsProposed;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.investflow.signing.events.ContractExecuted;
import org.investflow.tracking.events.MilestoneRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StageSignalsTest {

    static final Instant AT = Instant.parse("2026-04-12T10:15:00Z");
    static final Actor OFFICER = new Actor("officer-li", Role.OFFICER);

    @Test
    void anIntentionOpensTheFunnelWithItsProfile() {
        IntentionSubmitted submitted = new IntentionSubmitted("CQ-2026-000123", "investor-de-1", "Acme", "DE", "C29",
                BigDecimal.TEN, "EUR", 5, "Yuzhong", AT, new Actor("investor-de-1", Role.INVESTOR));
        assertThat(StageSignals.of(submitted)).contains(new StageSignal(PipelineStage.INTENTION, "investor-de-1", AT,
                new CaseProfile("DE", "C29", "Yuzhong")));
    }

    @Test
    void anExecutedContractMeansContracted() {
        ContractExecuted executed = new ContractExecuted("CQ-2026-000123", "investor-de-1", "officer-li", "env-1", "a".repeat(64),
                "b".repeat(64), BigDecimal.TEN, "EUR", 5, LocalDate.of(2028, 6, 30), AT, OFFICER);
        assertThat(StageSignals.of(executed)).map(StageSignal::stage).contains(PipelineStage.CONTRACTED);
    }

    @Test
    void aWithdrawnIntentionMeansWithdrawn() {
        IntentionWithdrawn withdrawn = new IntentionWithdrawn("CQ-2026-000123", "investor-de-1", "postponed", AT,
                new Actor("investor-de-1", Role.INVESTOR));
        assertThat(StageSignals.of(withdrawn)).contains(new StageSignal(PipelineStage.WITHDRAWN, "investor-de-1", AT, null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NegotiationFailed.WITHDRAWN, NegotiationFailed.INACTIVE})
    void aFailedNegotiationMeansNegotiationFailedWhateverTheReason(String reason) {
        NegotiationFailed failed = new NegotiationFailed("CQ-2026-000123", "investor-de-1", reason, "detail", AT, OFFICER);
        assertThat(StageSignals.of(failed)).contains(new StageSignal(PipelineStage.NEGOTIATION_FAILED, "investor-de-1", AT, null));
    }

    @Test
    void onlyTheStartOfOperationAmongMilestonesMovesTheFunnel() {
        assertThat(StageSignals.of(milestone("BUSINESS_REGISTERED"))).isEmpty();
        assertThat(StageSignals.of(milestone("OPERATION_STARTED"))).map(StageSignal::stage).contains(PipelineStage.OPERATING);
    }

    @Test
    void factsWithoutAStageAreIgnored() {
        TermsProposed proposed = new TermsProposed("CQ-2026-000123", "investor-de-1", 1,
                new Terms(BigDecimal.TEN, "EUR", 5, LocalDate.of(2028, 6, 30)), AT, OFFICER);
        assertThat(StageSignals.of(proposed)).isEmpty();
    }

    static MilestoneRecorded milestone(String milestone) {
        return new MilestoneRecorded("CQ-2026-000123", "investor-de-1", milestone, LocalDate.of(2026, 4, 1), AT, OFFICER);
    }
}
