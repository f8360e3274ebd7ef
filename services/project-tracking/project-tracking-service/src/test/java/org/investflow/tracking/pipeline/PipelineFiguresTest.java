package org.investflow.tracking.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.investflow.platform.domain.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (T first : items) {
            List<T> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>(List.of(first));
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

    static Stream<Arguments> exitedCases() {
        return Stream.of(Arguments.of("withdrawn", WITHDRAWN_FACTS), Arguments.of("negotiation failed", FAILED_FACTS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exitedCases")
    void everyArrivalOrderOfAnExitedCaseGivesTheSameFigures(String exit, List<Fact> facts) {
        PipelineCase expected = replay(facts);
        for (List<Fact> order : permutations(facts)) {
            PipelineCase replayed = replay(order);
            assertThat(replayed.stage()).as(order.toString()).isEqualTo(expected.stage());
            assertThat(replayed.enteredAt()).as(order.toString()).isEqualTo(expected.enteredAt());
            assertThat(replayed.secondsInStage()).as(order.toString()).isEqualTo(expected.secondsInStage());
            assertThat(replayed.movedAt()).as(order.toString()).isEqualTo(expected.movedAt());
        }
    }

    record Figure(String eventId, CaseFact fact) {
    }

    static Instant at(long hours) {
        return T0.plusSeconds(3600 * hours);
    }

    /**
     * A case agreed at 50 h, its contract declined at 60 h (the negotiation reopens), agreed again at 70 h, executed
     * at 80 h (EUR 10M), increased at 200 h (EUR 12M), capital realised 3M at 120 h and corrected to 2.5M at 130 h,
     * jobs 10 then 25, construction recorded at 100 h and its correction at 140 h, delayed at 150 h and back on
     * track at 160 h.
     */
    static final List<Figure> FIGURES = List.of(
            new Figure("i", fact("i", PipelineStage.INTENTION, 0).signal()),
            new Figure("n", fact("n", PipelineStage.NEGOTIATING, 20).signal()),
            new Figure("a1", fact("a1", PipelineStage.AGREED, 50).signal()),
            new Figure("d", new CaseFact.Reopened(at(60))),
            new Figure("a2", fact("a2", PipelineStage.AGREED, 70).signal()),
            new Figure("c1", new CaseFact.Committed(Money.of(new java.math.BigDecimal("10000000.00"), "EUR"), 100, at(80))),
            new Figure("c1s", fact("c1s", PipelineStage.CONTRACTED, 80).signal()),
            new Figure("c2", new CaseFact.Committed(Money.of(new java.math.BigDecimal("12000000.00"), "EUR"), 120, at(200))),
            new Figure("r1", new CaseFact.Realised(Money.of(new java.math.BigDecimal("3000000.00"), "EUR"), at(120))),
            new Figure("r2", new CaseFact.Realised(Money.of(new java.math.BigDecimal("2500000.00"), "EUR"), at(130))),
            new Figure("j1", new CaseFact.JobsToDate(10, at(110))),
            new Figure("j2", new CaseFact.JobsToDate(25, at(170))),
            new Figure("s1", new CaseFact.ConstructionStarted(at(100))),
            new Figure("s2", new CaseFact.ConstructionStarted(at(140))),
            new Figure("y1", new CaseFact.Delayed(List.of("BUSINESS_REGISTERED"), at(150))),
            new Figure("y2", new CaseFact.Delayed(List.of(), at(160))));

    static PipelineCase replayFigures(List<Figure> figures) {
        PipelineCase pipelineCase = PipelineCase.open("CQ-2");
        figures.forEach(figure -> pipelineCase.apply(figure.eventId(), List.of(figure.fact())));
        return pipelineCase;
    }

    @Test
    void theCommissionsFiguresOfACaseAreTheSameInAnyArrivalOrderAndWithRedeliveries() {
        Random random = new Random(3);
        for (int round = 0; round < 300; round++) {
            List<Figure> order = new ArrayList<>(FIGURES);
            Collections.shuffle(order, random);
            order.addAll(order.subList(0, random.nextInt(order.size())));
            PipelineCase replayed = replayFigures(order);
            assertThat(replayed.stage()).as(order.toString()).isEqualTo(PipelineStage.CONTRACTED);
            assertThat(replayed.committed().capital().amount()).isEqualByComparingTo("12000000.00");
            assertThat(replayed.committed().jobs()).isEqualTo(120);
            assertThat(replayed.realised().capital().amount()).isEqualByComparingTo("2500000.00");
            assertThat(replayed.jobsToDate().jobs()).isEqualTo(25);
            assertThat(replayed.constructionStartedAt()).isEqualTo(at(100));
            assertThat(replayed.delay().overdue()).isEmpty();
        }
    }

    @Test
    void aDeclinedContractPutsAnAgreedCaseBackInNegotiationInAnyOrderUntilItAgreesAgain() {
        List<Figure> reopened = FIGURES.subList(0, 4);
        for (List<Figure> order : permutations(reopened)) {
            PipelineCase replayed = replayFigures(order);
            assertThat(replayed.stage()).as(order.toString()).isEqualTo(PipelineStage.NEGOTIATING);
            assertThat(replayed.movedAt()).isEqualTo(at(60));
            assertThat(replayed.enteredAt()).containsKey(PipelineStage.AGREED);
        }
        List<Figure> agreedAgain = FIGURES.subList(0, 5);
        for (List<Figure> order : permutations(agreedAgain)) {
            assertThat(replayFigures(order).stage()).as(order.toString()).isEqualTo(PipelineStage.AGREED);
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

    /**
     * The histogram's stated error: a percentile is the rounded mean of its bucket, so any two whole seconds that share
     * a bucket must differ by less than 1 % of the smaller — checked for every second up to ten days, and at the
     * bucket edges of times up to ten years — and a bucket's key grows with the seconds it holds (the fold sorts by it).
     */
    @Test
    void secondsThatShareAHistogramBucketDifferByLessThanOnePercent() {
        Map<Long, long[]> spans = new java.util.HashMap<>();
        long previousKey = -1;
        for (long seconds = 0; seconds <= 864_000; seconds++) {
            long key = CaseTallies.bucket(seconds);
            assertThat(key).as("key of %d s", seconds).isGreaterThanOrEqualTo(previousKey);
            previousKey = key;
            long at = seconds;
            spans.merge(key, new long[] {at, at}, (span, one) -> new long[] {span[0], at});
        }
        spans.forEach((key, span) -> assertThat((double) (span[1] - span[0])).as("bucket %d: %d to %d s", key, span[0], span[1])
                .isLessThan(span[0] * 0.01 + (span[0] < CaseTallies.EXACT_BELOW ? 0.5 : 0)));
        assertThat(spans.keySet().stream().filter(key -> key < CaseTallies.EXACT_BELOW)).hasSize(CaseTallies.EXACT_BELOW);
        for (long seconds = 864_000; seconds < 315_360_000L; seconds = seconds + seconds / 97) {
            long key = CaseTallies.bucket(seconds);
            long low = firstWithKeyAbove(key - 1, seconds / 2, seconds);
            long high = firstWithKeyAbove(key, seconds, seconds * 2) - 1;
            assertThat((double) (high - low)).as("bucket %d: %d to %d s", key, low, high).isLessThan(low * 0.01);
        }
    }

    /** The least number of seconds in ({@code from}, {@code to}] whose bucket key is above {@code key} (binary search). */
    private static long firstWithKeyAbove(long key, long from, long to) {
        long low = from;
        long high = to;
        while (high - low > 1) {
            long middle = (low + high) >>> 1;
            if (CaseTallies.bucket(middle) > key) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
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
