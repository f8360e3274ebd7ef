package org.investflow.tracking.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.investflow.tracking.TestClock;
import org.investflow.tracking.TrackingServiceTest;
import org.investflow.tracking.pipeline.persistence.CaseDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * A process that dies between a batch's case write and its tally write loses nothing: the cases were written with
 * what they owe the tallies, the recovery adds it once (also when the tally write had got through before the death),
 * and afterwards the maintained funnel equals the recount. A batch never runs while a rebuild or recount replaces the
 * live collections. The cases here are in a district of their own, so the tallies read are theirs alone.
 */
@TrackingServiceTest
class OwedTalliesIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant OPENED = Instant.parse("2030-03-01T02:00:00Z");

    @Autowired
    PipelineProjection projection;
    @Autowired
    PipelineService pipeline;
    @Autowired
    CaseDocuments documents;
    @Autowired
    TestClock clock;
    @Autowired
    ReactiveMongoTemplate mongo;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCrashAfterTheCaseWriteIsRecoveredOnceAndTheFunnelEqualsTheRecount() {
        PipelineFilter district = districtOfItsOwn();
        ProjectionBatch.Fact first = intention(district);
        projection.projectFacts(List.of(first), CaseDocuments.CASES, CaseDocuments.TALLIES, false).block(WAIT);
        assertThat(reached(pipeline.funnel(district).block(WAIT))).isEqualTo(1);
        assertThat(owedBy(first.caseId())).as("a batch that got through owes nothing").isEmpty();

        ProjectionBatch.Fact second = intention(district);
        PipelineProjection.Owed owed = projection.storeOwing(List.of(second), CaseDocuments.CASES).block(WAIT); // and the process died
        assertThat(reached(pipeline.funnel(district).block(WAIT))).as("the tallies before the recovery").isEqualTo(1);
        assertThat(reached(pipeline.recount(district).block(WAIT))).as("the cases").isEqualTo(2);
        assertThat(owedBy(second.caseId())).hasSize(1);

        assertThat(projection.recover(Duration.ofMinutes(1)).block(WAIT)).as("batches settled while younger than the age").isZero();
        clock.set(Instant.now().plus(Duration.ofMinutes(2)));
        assertThat(projection.recover(Duration.ofMinutes(1)).block(WAIT)).isGreaterThanOrEqualTo(1);

        assertThat(pipeline.funnel(district).block(WAIT)).isEqualTo(pipeline.recount(district).block(WAIT));
        assertThat(reached(pipeline.funnel(district).block(WAIT))).isEqualTo(2);
        assertThat(owedBy(second.caseId())).isEmpty();
        assertThat(owed.caseIds()).containsExactly(second.caseId());
        assertThat(notedFor(first.caseId())).as("a settled batch leaves no note").isFalse();
        assertThat(notedFor(second.caseId())).as("a recovered batch leaves no note").isFalse();
        projection.recover(Duration.ZERO).block(WAIT);
        assertThat(reached(pipeline.funnel(district).block(WAIT))).as("after another recovery").isEqualTo(2);
    }

    @Test
    void theRecoveryFindsWhatACaseOwesByTheBatchsNoteAndForgetsANoteWhoseCasesWereNeverWritten() {
        PipelineFilter district = districtOfItsOwn();
        ProjectionBatch.Fact fact = intention(district);
        PipelineProjection.Owed owed = projection.storeOwing(List.of(fact), CaseDocuments.CASES).block(WAIT); // and the process died
        assertThat(notedFor(fact.caseId())).as("noted before the case was written").isTrue();
        documents.markOwed(new CaseDocuments.OwedBatch("never-written-" + fact.caseId(), Instant.now(), List.of("CQ-2026-NEVER")))
                .block(WAIT);

        clock.set(Instant.now().plus(Duration.ofMinutes(2)));
        assertThat(projection.recover(Duration.ofMinutes(1)).block(WAIT)).as("batches that owed anything").isPositive();

        assertThat(reached(pipeline.funnel(district).block(WAIT))).isEqualTo(1);
        assertThat(owedBy(owed.caseIds().get(0))).isEmpty();
        assertThat(documents.owedBefore(Instant.now().plus(Duration.ofDays(1))).collectList().block(WAIT))
                .extracting(CaseDocuments.OwedBatch::batch).doesNotContain(owed.batchId(), "never-written-" + fact.caseId());
    }

    @Test
    void aBatchThatReadACaseBeforeAnotherStoredItFailsInsteadOfWritingOverIt() {
        PipelineFilter district = districtOfItsOwn();
        ProjectionBatch.Fact fact = intention(district);
        projection.projectFacts(List.of(fact), CaseDocuments.CASES, CaseDocuments.TALLIES, false).block(WAIT);
        PipelineCase staleCopy = documents.load(CaseDocuments.CASES, List.of(fact.caseId())).blockFirst(WAIT);
        PipelineCase fresh = documents.load(CaseDocuments.CASES, List.of(fact.caseId())).blockFirst(WAIT);
        documents.store(CaseDocuments.CASES, List.of(fresh)).block(WAIT); // another instance's batch

        assertThatThrownBy(() -> documents.store(CaseDocuments.CASES, List.of(staleCopy)).block(WAIT))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        assertThat(documents.load(CaseDocuments.CASES, List.of(fact.caseId())).blockFirst(WAIT).version())
                .isEqualTo(fresh.version() == null ? 1L : fresh.version() + 1);
    }

    private boolean notedFor(String caseId) {
        return documents.owedBefore(Instant.now().plus(Duration.ofDays(1))).any(noted -> noted.caseIds().contains(caseId)).block(WAIT);
    }

    @Test
    void aCrashAfterTheTallyWriteIsNotCountedTwice() {
        PipelineFilter district = districtOfItsOwn();
        projection.projectFacts(List.of(intention(district)), CaseDocuments.CASES, CaseDocuments.TALLIES, false).block(WAIT);

        PipelineProjection.Owed owed = projection.storeOwing(List.of(intention(district)), CaseDocuments.CASES).block(WAIT);
        documents.tallyOnce(CaseDocuments.TALLIES, owed.batchId(), owed.increments(), documents::noted).block(WAIT); // and the process died
        documents.tallyOnce(CaseDocuments.TALLIES, owed.batchId(), owed.increments(), documents::noted).block(WAIT);
        assertThat(reached(pipeline.funnel(district).block(WAIT))).as("the same batch added twice").isEqualTo(2);

        clock.set(Instant.now().plus(Duration.ofMinutes(2)));
        projection.recover(Duration.ofMinutes(1)).block(WAIT);

        assertThat(pipeline.funnel(district).block(WAIT)).isEqualTo(pipeline.recount(district).block(WAIT));
        assertThat(reached(pipeline.funnel(district).block(WAIT))).isEqualTo(2);
        assertThat(owedBy(owed.caseIds().get(0))).isEmpty();
    }

    @Test
    void aCrashAfterTheNoteWentLeavesMarksTheRecoveryNeverAddsAgain() {
        PipelineFilter district = districtOfItsOwn();
        projection.projectFacts(List.of(intention(district)), CaseDocuments.CASES, CaseDocuments.TALLIES, false).block(WAIT);
        PipelineProjection.Owed owed = projection.storeOwing(List.of(intention(district)), CaseDocuments.CASES).block(WAIT);
        documents.tallyOnce(CaseDocuments.TALLIES, owed.batchId(), owed.increments(), documents::noted).block(WAIT);
        documents.unmarkOwed(List.of(owed.batchId())).block(WAIT); // and the process died before the marks went

        clock.set(Instant.now().plus(Duration.ofMinutes(2)));
        assertThat(projection.recover(Duration.ofMinutes(1)).block(WAIT)).as("batches added again").isZero();

        assertThat(pipeline.funnel(district).block(WAIT)).isEqualTo(pipeline.recount(district).block(WAIT));
        assertThat(reached(pipeline.funnel(district).block(WAIT))).isEqualTo(2);
        assertThat(owedBy(owed.caseIds().get(0))).isEmpty();
        assertThat(pendingOf(owed.caseIds().get(0))).as("the leftover pending tally, read by nothing").hasSize(1);
    }

    @Test
    void aCasesNextWriteDropsWhatItOwedSettledBatchesAndKeepsWhatItStillOwesWhichTheRecoveryAddsOnce() {
        PipelineFilter district = districtOfItsOwn();
        ProjectionBatch.Fact intention = intention(district);
        String caseId = intention.caseId();
        projection.projectFacts(List.of(intention), CaseDocuments.CASES, CaseDocuments.TALLIES, false).block(WAIT);
        assertThat(pendingOf(caseId)).as("a settled batch stays in the case until its next write").hasSize(1);

        PipelineProjection.Owed stalled = projection.storeOwing(List.of(moved(caseId, PipelineStage.SCREENED, 60)), CaseDocuments.CASES)
                .block(WAIT);
        assertThat(pendingOf(caseId)).extracting(PendingTally::batch).as("the next write took the settled one")
                .containsExactly(stalled.batchId());

        projection.projectFacts(List.of(moved(caseId, PipelineStage.NEGOTIATING, 120)), CaseDocuments.CASES, CaseDocuments.TALLIES, false)
                .block(WAIT);
        assertThat(pendingOf(caseId)).as("a batch still owed keeps the later ones").hasSize(2)
                .first().extracting(PendingTally::batch).isEqualTo(stalled.batchId());
        projection.projectFacts(List.of(moved(caseId, PipelineStage.AGREED, 180)), CaseDocuments.CASES, CaseDocuments.TALLIES, false)
                .block(WAIT);
        assertThat(pendingOf(caseId)).as("each of them, settled or not: the stalled batch's change ends where the next begins")
                .hasSize(3);
        assertThat(owedBy(caseId)).extracting(PendingTally::batch).containsExactly(stalled.batchId());

        clock.set(Instant.now().plus(Duration.ofMinutes(2)));
        assertThat(projection.recover(Duration.ofMinutes(1)).block(WAIT)).isGreaterThanOrEqualTo(1);
        clock.reset();
        assertThat(pipeline.funnel(district).block(WAIT)).as("the stalled batch added once, its change alone")
                .isEqualTo(pipeline.recount(district).block(WAIT));
        assertThat(owedBy(caseId)).isEmpty();

        projection.projectFacts(List.of(moved(caseId, PipelineStage.CONTRACTED, 240)), CaseDocuments.CASES, CaseDocuments.TALLIES, false)
                .block(WAIT);
        assertThat(pendingOf(caseId)).as("only the latest batch's, until the case's next write").hasSize(1);
        assertThat(pipeline.funnel(district).block(WAIT)).isEqualTo(pipeline.recount(district).block(WAIT));
    }

    private static ProjectionBatch.Fact moved(String caseId, PipelineStage stage, long secondsAfterOpening) {
        return new ProjectionBatch.Fact(caseId, UUID.randomUUID().toString(),
                List.of(new StageSignal(stage, "investor-owed", OPENED.plusSeconds(secondsAfterOpening), null)));
    }

    @Test
    void aRecoveryThatReadTheNoteBeforeTheLiveBatchSettledDoesNotAddTheBatchAgain() {
        PipelineFilter district = districtOfItsOwn();
        PipelineProjection.Owed owed = projection.storeOwing(List.of(intention(district)), CaseDocuments.CASES).block(WAIT);
        boolean notedWhenTheRecoveryLooked = documents.noted(Set.of(owed.batchId())).block(WAIT).contains(owed.batchId());
        // the live batch, stalled past the recovery's age, now settles: tallies, then its note
        documents.tallyOnce(CaseDocuments.TALLIES, owed.batchId(), owed.increments(), documents::noted).block(WAIT);
        documents.unmarkOwed(List.of(owed.batchId())).block(WAIT);

        documents.tallyOnce(CaseDocuments.TALLIES, owed.batchId(), owed.increments(), documents::noted).block(WAIT);

        assertThat(notedWhenTheRecoveryLooked).isTrue();
        assertThat(reached(pipeline.funnel(district).block(WAIT))).as("added by the live batch only").isEqualTo(1);
        assertThat(pipeline.funnel(district).block(WAIT)).isEqualTo(pipeline.recount(district).block(WAIT));
    }

    @Test
    void aTallyWriteTakesAwayTheMarksOfSettledBatchesAndKeepsThoseStillNoted() {
        PipelineFilter district = districtOfItsOwn();
        projection.projectFacts(List.of(intention(district)), CaseDocuments.CASES, CaseDocuments.TALLIES, false).block(WAIT);
        List<String> settled = marks(district);
        assertThat(settled).as("a settled batch's mark stays until the document's next write").hasSize(1);

        PipelineProjection.Owed stalled = projection.storeOwing(List.of(intention(district)), CaseDocuments.CASES).block(WAIT);
        documents.tallyOnce(CaseDocuments.TALLIES, stalled.batchId(), stalled.increments(), documents::noted).block(WAIT);
        assertThat(marks(district)).as("the next write took the mark of the batch whose note is gone").containsExactly(stalled.batchId());

        projection.projectFacts(List.of(intention(district)), CaseDocuments.CASES, CaseDocuments.TALLIES, false).block(WAIT);
        assertThat(marks(district)).as("the stalled batch is still noted: its mark stays").hasSize(2).startsWith(stalled.batchId());

        assertThat(reached(pipeline.funnel(district).block(WAIT))).isEqualTo(3);
        assertThat(pipeline.funnel(district).block(WAIT)).isEqualTo(pipeline.recount(district).block(WAIT));
    }

    /** The batches marked on the all-time funnel tally of {@code district}. */
    private List<String> marks(PipelineFilter district) {
        return documents.tallies(CaseDocuments.TALLIES, List.of("F|" + CaseTallies.dimensions(district) + "|" + CaseTallies.ALL_TIME))
                .next().map(tally -> tally.getList("appliedBatches", String.class)).block(WAIT);
    }

    @Test
    void theSameBatchWrittenToTheTalliesByManyAtOnceIsAddedOnceThroughTheirVersionIndex() {
        PipelineFilter district = districtOfItsOwn();
        projection.projectFacts(List.of(intention(district)), CaseDocuments.CASES, CaseDocuments.TALLIES, false).block(WAIT);
        PipelineProjection.Owed owed = projection.storeOwing(List.of(intention(district)), CaseDocuments.CASES).block(WAIT);

        Flux.range(0, 8).flatMap(writer -> documents.tallyOnce(CaseDocuments.TALLIES, owed.batchId(), owed.increments(), documents::noted)
                .retryWhen(CaseTallies.WRITE_RETRY)).blockLast(Duration.ofSeconds(30));

        assertThat(reached(pipeline.funnel(district).block(WAIT))).as("one case before, then eight writers of one batch").isEqualTo(2);
        assertThat(mongo.indexOps(CaseDocuments.TALLIES).getIndexInfo().collectList().block(WAIT))
                .filteredOn(index -> CaseDocuments.TALLY_VERSION_INDEX.equals(index.getName())).singleElement()
                .satisfies(index -> assertThat(index.isUnique()).isTrue());
    }

    @Test
    void aBatchWaitsWhileTheLiveCollectionsAreReplacedAndIsStoredAfter() {
        PipelineFilter district = districtOfItsOwn();
        Sinks.Empty<Void> replacing = Sinks.empty();
        AtomicBoolean replaced = new AtomicBoolean();
        Disposable swap = projection.exclusively(() -> replacing.asMono().doOnSuccess(done -> replaced.set(true))).subscribe();
        ProjectionBatch.Fact fact = intention(district);
        AtomicBoolean storedBeforeTheSwapEnded = new AtomicBoolean();
        Disposable batch = projection.projectFacts(List.of(fact), CaseDocuments.CASES, CaseDocuments.TALLIES, false)
                .doOnSuccess(done -> storedBeforeTheSwapEnded.set(!replaced.get())).subscribe();
        try {
            await("the batch holds off while the swap runs").during(Duration.ofMillis(500)).atMost(WAIT)
                    .until(() -> documents.load(CaseDocuments.CASES, List.of(fact.caseId())).collectList().block(WAIT).isEmpty());

            replacing.tryEmitEmpty();

            await("the batch stored after the swap").atMost(WAIT).until(batch::isDisposed);
            assertThat(storedBeforeTheSwapEnded).isFalse();
            assertThat(reached(pipeline.funnel(district).block(WAIT))).isEqualTo(1);
        } finally {
            swap.dispose();
            batch.dispose();
        }
    }

    private static PipelineFilter districtOfItsOwn() {
        return new PipelineFilter(null, null, "Owed-" + UUID.randomUUID(), null, null);
    }

    private static ProjectionBatch.Fact intention(PipelineFilter district) {
        String caseId = "OT-2030-" + UUID.randomUUID().toString().substring(0, 8);
        return new ProjectionBatch.Fact(caseId, UUID.randomUUID().toString(), List.of(new StageSignal(PipelineStage.INTENTION,
                "investor-owed", OPENED, new CaseProfile("DE", "C29", district.district()))));
    }

    private static long reached(Funnel funnel) {
        return funnel.stages().stream().filter(stage -> stage.stage() == PipelineStage.INTENTION).findFirst().orElseThrow().reached();
    }

    /** The case's pending tallies, those of settled batches included (they leave with its next write). */
    private List<PendingTally> pendingOf(String caseId) {
        return documents.load(CaseDocuments.CASES, List.of(caseId)).single().block(WAIT).pendingTallies();
    }

    /** What the case still owes: its pending tallies whose batches are still noted. */
    private List<PendingTally> owedBy(String caseId) {
        List<PendingTally> pending = pendingOf(caseId);
        Set<String> noted = documents.noted(pending.stream().map(PendingTally::batch).collect(Collectors.toSet())).block(WAIT);
        return pending.stream().filter(owed -> noted.contains(owed.batch())).toList();
    }
}
