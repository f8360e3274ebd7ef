package org.investflow.tracking.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PipelineCaseTest {

    static final List<PipelineStage> FORWARD = List.of(PipelineStage.INTENTION, PipelineStage.SCREENED,
            PipelineStage.NEGOTIATING, PipelineStage.AGREED, PipelineStage.CONTRACTED, PipelineStage.LANDED,
            PipelineStage.OPERATING);
    static final Instant T0 = Instant.parse("2026-03-02T08:15:30Z");
    static final CaseProfile PROFILE = new CaseProfile("DE", "C29", "Liangjiang New Area");

    static StageSignal signal(PipelineStage stage, int day) {
        return new StageSignal(stage, "investor-de-1", T0.plusSeconds(86_400L * day), null);
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(PipelineStage.values())
                .flatMap(from -> Stream.of(PipelineStage.values()).map(to -> Arguments.of(from, to)));
    }

    /**
     * Forward along the funnel, skipping allowed; REJECTED and WITHDRAWN only from INTENTION or SCREENED;
     * NEGOTIATION_FAILED only from NEGOTIATING or a stage before it (skipping ahead); exits never move.
     */
    static boolean drawn(PipelineStage from, PipelineStage to) {
        if (!FORWARD.contains(from)) {
            return false;
        }
        return switch (to) {
            case REJECTED, WITHDRAWN -> from == PipelineStage.INTENTION || from == PipelineStage.SCREENED;
            case NEGOTIATION_FAILED -> FORWARD.indexOf(from) <= FORWARD.indexOf(PipelineStage.NEGOTIATING);
            default -> FORWARD.indexOf(to) > FORWARD.indexOf(from);
        };
    }

    @Test
    void theTableCoversEveryStage() {
        assertThat(PipelineStage.values()).hasSize(10);
        assertThat(Stream.of(PipelineStage.values()).filter(PipelineStage::isExit)).containsExactly(PipelineStage.REJECTED,
                PipelineStage.WITHDRAWN, PipelineStage.NEGOTIATION_FAILED);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void aCaseMovesOnlyForwardAndNeverLeavesAnExit(PipelineStage from, PipelineStage to) {
        assertThat(from.canTransitionTo(to)).isEqualTo(drawn(from, to));
    }

    @Test
    void aCaseMovesThroughTheFunnelRememberingWhenItEnteredEachStage() {
        PipelineCase pipelineCase = PipelineCase.open("CQ-2026-000123");
        assertThat(pipelineCase.apply("e1", new StageSignal(PipelineStage.INTENTION, "investor-de-1", T0, PROFILE))).isTrue();
        pipelineCase.apply("e2", signal(PipelineStage.SCREENED, 2));
        pipelineCase.apply("e3", signal(PipelineStage.NEGOTIATING, 2));
        assertThat(pipelineCase.stage()).isEqualTo(PipelineStage.NEGOTIATING);
        assertThat(pipelineCase.enteredAt()).containsOnlyKeys(PipelineStage.INTENTION, PipelineStage.SCREENED,
                PipelineStage.NEGOTIATING).containsEntry(PipelineStage.INTENTION, T0);
        assertThat(pipelineCase.profile()).isEqualTo(PROFILE);
        assertThat(pipelineCase.investorId()).isEqualTo("investor-de-1");
    }

    @Test
    void aLateEventRecordsItsStageButDoesNotMoveTheCaseBack() {
        PipelineCase pipelineCase = PipelineCase.open("CQ-2026-000123");
        pipelineCase.apply("contract", signal(PipelineStage.CONTRACTED, 40));
        pipelineCase.apply("accepted", signal(PipelineStage.SCREENED, 2));
        assertThat(pipelineCase.stage()).isEqualTo(PipelineStage.CONTRACTED);
        assertThat(pipelineCase.enteredAt()).containsKeys(PipelineStage.SCREENED, PipelineStage.CONTRACTED);
    }

    @Test
    void aRejectedCaseStaysRejected() {
        PipelineCase pipelineCase = PipelineCase.open("CQ-2026-000124");
        pipelineCase.apply("submitted", signal(PipelineStage.INTENTION, 0));
        pipelineCase.apply("rejected", signal(PipelineStage.REJECTED, 1));
        pipelineCase.apply("stray", signal(PipelineStage.NEGOTIATING, 2));
        assertThat(pipelineCase.stage()).isEqualTo(PipelineStage.REJECTED);
    }

    @Test
    void aWithdrawnIntentionLeavesTheFunnelFromScreenedAndStaysWithdrawn() {
        PipelineCase pipelineCase = PipelineCase.open("CQ-2026-000126");
        pipelineCase.apply("submitted", signal(PipelineStage.INTENTION, 0));
        pipelineCase.apply("screened", signal(PipelineStage.SCREENED, 1));
        pipelineCase.apply("withdrawn", signal(PipelineStage.WITHDRAWN, 2));
        pipelineCase.apply("stray", signal(PipelineStage.NEGOTIATING, 3));
        assertThat(pipelineCase.stage()).isEqualTo(PipelineStage.WITHDRAWN);
        assertThat(pipelineCase.movedAt()).isEqualTo(T0.plusSeconds(86_400L * 2));
    }

    @Test
    void aLateWithdrawalDoesNotPullANegotiatingCaseOutOfTheFunnelButIsRecorded() {
        PipelineCase pipelineCase = PipelineCase.open("CQ-2026-000127");
        pipelineCase.apply("submitted", signal(PipelineStage.INTENTION, 0));
        pipelineCase.apply("opened", signal(PipelineStage.NEGOTIATING, 3));
        pipelineCase.apply("withdrawn", signal(PipelineStage.WITHDRAWN, 2));
        assertThat(pipelineCase.stage()).isEqualTo(PipelineStage.NEGOTIATING);
        assertThat(pipelineCase.movedAt()).isEqualTo(T0.plusSeconds(86_400L * 3));
        assertThat(pipelineCase.enteredAt()).containsEntry(PipelineStage.WITHDRAWN, T0.plusSeconds(86_400L * 2));
    }

    @Test
    void aFailedNegotiationIsTerminalAndALateFailureLeavesAnAgreedCaseAgreed() {
        PipelineCase failed = PipelineCase.open("CQ-2026-000128");
        failed.apply("opened", signal(PipelineStage.NEGOTIATING, 3));
        failed.apply("failed", signal(PipelineStage.NEGOTIATION_FAILED, 33));
        failed.apply("stray", signal(PipelineStage.AGREED, 34));
        failed.apply("accepted", signal(PipelineStage.SCREENED, 2));
        assertThat(failed.stage()).isEqualTo(PipelineStage.NEGOTIATION_FAILED);
        assertThat(failed.secondsInStage()).containsEntry(PipelineStage.NEGOTIATING, 30 * 86_400L)
                .doesNotContainKey(PipelineStage.NEGOTIATION_FAILED);

        PipelineCase agreed = PipelineCase.open("CQ-2026-000129");
        agreed.apply("agreed", signal(PipelineStage.AGREED, 10));
        agreed.apply("failed", signal(PipelineStage.NEGOTIATION_FAILED, 9));
        assertThat(agreed.stage()).isEqualTo(PipelineStage.AGREED);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        PipelineCase pipelineCase = PipelineCase.open("CQ-2026-000123");
        pipelineCase.apply("e1", new StageSignal(PipelineStage.INTENTION, "investor-de-1", T0, PROFILE));
        StageSignal altered = new StageSignal(PipelineStage.INTENTION, "investor-de-1", T0.minusSeconds(60),
                new CaseProfile("FR", "C30", "Yuzhong"));
        assertThat(pipelineCase.apply("e1", altered)).isFalse();
        assertThat(pipelineCase.enteredAt()).containsEntry(PipelineStage.INTENTION, T0);
        assertThat(pipelineCase.profile()).isEqualTo(PROFILE);
    }

    @Test
    void theEarliestEntryIntoAStageCounts() {
        PipelineCase pipelineCase = PipelineCase.open("CQ-2026-000125");
        pipelineCase.apply("later", signal(PipelineStage.NEGOTIATING, 9));
        pipelineCase.apply("earlier", signal(PipelineStage.NEGOTIATING, 3));
        assertThat(pipelineCase.enteredAt()).containsEntry(PipelineStage.NEGOTIATING, T0.plusSeconds(86_400L * 3));
    }
}
