package org.investflow.tracking.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The figures a case keeps are a function of the facts alone: any arrival order, any redelivery, the same figures. */
class PipelineFiguresTest {

    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    record Fact(String eventId, StageSignal signal) {
    }

    static Fact fact(String id, PipelineStage stage, long hours) {
        return new Fact(id, new StageSignal(stage, "investor-1", T0.plusSeconds(3600 * hours),
                stage == PipelineStage.INTENTION ? new CaseProfile("DE", "C29", "Yubei") : null));
    }

    static final List<Fact> FACTS = List.of(fact("e1", PipelineStage.INTENTION, 0), fact("e2", PipelineStage.SCREENED, 24),
            fact("e3", PipelineStage.NEGOTIATING, 30), fact("e4", PipelineStage.AGREED, 100), fact("e5", PipelineStage.CONTRACTED, 130));

    static PipelineCase replay(List<Fact> facts) {
        PipelineCase pipelineCase = PipelineCase.open("CQ-1");
        facts.forEach(fact -> pipelineCase.apply(fact.eventId(), fact.signal()));
        return pipelineCase;
    }

    static List<List<Fact>> permutations(List<Fact> facts) {
        if (facts.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Fact>> all = new ArrayList<>();
        for (Fact first : facts) {
            List<Fact> rest = new ArrayList<>(facts);
            rest.remove(first);
            for (List<Fact> tail : permutations(rest)) {
                List<Fact> order = new ArrayList<>(List.of(first));
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    @Test
    void inOrderTheCaseKeepsHowLongItSpentInEveryStageItLeft() {
        PipelineCase inOrder = replay(FACTS);
        assertThat(inOrder.secondsInStage()).isEqualTo(Map.of(PipelineStage.INTENTION, 24 * 3600L,
                PipelineStage.SCREENED, 6 * 3600L, PipelineStage.NEGOTIATING, 70 * 3600L, PipelineStage.AGREED, 30 * 3600L));
        assertThat(inOrder.stage()).isEqualTo(PipelineStage.CONTRACTED);
        assertThat(inOrder.openedAt()).isEqualTo(T0);
        assertThat(inOrder.movedAt()).isEqualTo(T0.plusSeconds(3600 * 130));
    }

    @Test
    void everyArrivalOrderWithEveryFactRedeliveredGivesTheSameFigures() {
        PipelineCase expected = replay(FACTS);
        for (List<Fact> order : permutations(FACTS)) {
            List<Fact> withDuplicates = new ArrayList<>(order);
            withDuplicates.addAll(order);
            PipelineCase replayed = replay(withDuplicates);
            assertThat(replayed.stage()).as(order.toString()).isEqualTo(expected.stage());
            assertThat(replayed.enteredAt()).as(order.toString()).isEqualTo(expected.enteredAt());
            assertThat(replayed.secondsInStage()).as(order.toString()).isEqualTo(expected.secondsInStage());
            assertThat(replayed.openedAt()).isEqualTo(expected.openedAt());
            assertThat(replayed.movedAt()).isEqualTo(expected.movedAt());
            assertThat(replayed.profile()).isEqualTo(expected.profile());
        }
    }

    @Test
    void aLateFactDatedBeforeTheStageBeforeItCountsNoNegativeTime() {
        PipelineCase skewed = replay(List.of(fact("a", PipelineStage.INTENTION, 10), fact("b", PipelineStage.SCREENED, 5)));
        assertThat(skewed.secondsInStage()).containsEntry(PipelineStage.INTENTION, 0L);
    }

    @Test
    void aRejectedIntentionSpentItsTimeInIntentionAndTheExitHasNoDuration() {
        PipelineCase rejected = replay(List.of(fact("a", PipelineStage.INTENTION, 0), fact("r", PipelineStage.REJECTED, 48)));
        assertThat(rejected.secondsInStage()).containsOnlyKeys(PipelineStage.INTENTION).containsEntry(PipelineStage.INTENTION, 48 * 3600L);
    }

    @Test
    void anIntentionRejectedAfterScreeningLeavesTheFunnelAndSpentItsTimeInScreened() {
        PipelineCase rejected = replay(List.of(fact("a", PipelineStage.INTENTION, 0), fact("s", PipelineStage.SCREENED, 1),
                fact("r", PipelineStage.REJECTED, 25)));
        assertThat(rejected.stage()).isEqualTo(PipelineStage.REJECTED);
        assertThat(rejected.secondsInStage()).containsEntry(PipelineStage.SCREENED, 24 * 3600L);
    }

    static final List<Fact> WITHDRAWN_FACTS = List.of(fact("a", PipelineStage.INTENTION, 0), fact("s", PipelineStage.SCREENED, 5),
            fact("w", PipelineStage.WITHDRAWN, 29));

    static final List<Fact> FAILED_FACTS = List.of(fact("a", PipelineStage.INTENTION, 0), fact("s", PipelineStage.SCREENED, 24),
            fact("n", PipelineStage.NEGOTIATING, 30), fact("f", PipelineStage.NEGOTIATION_FAILED, 130));

    @Test
    void aWithdrawnIntentionSpentItsTimeInScreenedAndTheExitHasNoDuration() {
        PipelineCase withdrawn = replay(WITHDRAWN_FACTS);
        assertThat(withdrawn.stage()).isEqualTo(PipelineStage.WITHDRAWN);
        assertThat(withdrawn.secondsInStage()).isEqualTo(Map.of(PipelineStage.INTENTION, 5 * 3600L,
                PipelineStage.SCREENED, 24 * 3600L));
        assertThat(withdrawn.movedAt()).isEqualTo(T0.plusSeconds(3600 * 29));
    }

    @Test
    void aFailedNegotiationSpentItsTimeInNegotiatingAndTheExitHasNoDuration() {
        PipelineCase failed = replay(FAILED_FACTS);
        assertThat(failed.stage()).isEqualTo(PipelineStage.NEGOTIATION_FAILED);
        assertThat(failed.secondsInStage()).isEqualTo(Map.of(PipelineStage.INTENTION, 24 * 3600L,
                PipelineStage.SCREENED, 6 * 3600L, PipelineStage.NEGOTIATING, 100 * 3600L));
    }

    @Test
    void everyArrivalOrderOfAnExitedCaseGivesTheSameFigures() {
        for (List<Fact> facts : List.of(WITHDRAWN_FACTS, FAILED_FACTS)) {
            PipelineCase expected = replay(facts);
            for (List<Fact> order : permutations(facts)) {
                PipelineCase replayed = replay(order);
                assertThat(replayed.stage()).as(order.toString()).isEqualTo(expected.stage());
                assertThat(replayed.enteredAt()).as(order.toString()).isEqualTo(expected.enteredAt());
                assertThat(replayed.secondsInStage()).as(order.toString()).isEqualTo(expected.secondsInStage());
                assertThat(replayed.movedAt()).as(order.toString()).isEqualTo(expected.movedAt());
            }
        }
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> sample = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(Percentiles.of(sample, 0.5)).isEqualTo(5L);
        assertThat(Percentiles.of(sample, 0.9)).isEqualTo(9L);
        assertThat(Percentiles.of(List.of(7L), 0.9)).isEqualTo(7L);
        assertThat(Percentiles.of(List.of(), 0.5)).isNull();
    }

    @Test
    void conversionComparesEachStageWithTheOneBeforeItAndAnExitWithTheStageItLeaves() {
        assertThat(PipelineStage.INTENTION.predecessor()).isEmpty();
        assertThat(PipelineStage.SCREENED.predecessor()).contains(PipelineStage.INTENTION);
        assertThat(PipelineStage.OPERATING.predecessor()).contains(PipelineStage.LANDED);
        assertThat(PipelineStage.REJECTED.predecessor()).contains(PipelineStage.INTENTION);
        assertThat(PipelineStage.WITHDRAWN.predecessor()).contains(PipelineStage.INTENTION);
        assertThat(PipelineStage.NEGOTIATION_FAILED.predecessor()).contains(PipelineStage.NEGOTIATING);
        assertThat(PipelineStage.AGREED.predecessor()).contains(PipelineStage.NEGOTIATING);
    }
}
