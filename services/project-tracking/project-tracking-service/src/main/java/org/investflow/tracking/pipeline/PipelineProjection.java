package org.investflow.tracking.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.investflow.platform.messaging.IncomingEvent;
import org.investflow.tracking.pipeline.persistence.CaseDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Projects batches of upstream events onto the pipeline read model: one read of every case the batch names, the
 * events applied in memory in their order (the events of a case keep their partition order), one bulk write of the
 * changed cases, then one bulk write of the tallies they count. Redelivered events change nothing (each case's
 * inbox), so a batch may be replayed.
 * <p>
 * One writer per case: across instances, the consumer group assigns partition {@code p} of every topic to one
 * consumer; within an instance, every projection (the live batches, direct calls, a rebuild's catch-up, the recovery)
 * runs one after the other here, so no read-apply-write of a case overlaps another and no optimistic lock is needed.
 * What replaces the live collections under the batches (a rebuild's swap, a recount of the tallies) runs
 * {@link #exclusively} too: a batch that read a case from the collection a swap drops would otherwise write that
 * stale case over the rebuilt one, and add its tally increments to tallies that already count the case's end state
 * (seen in the benchmark: 70 of 10,000 rebuilt cases set back from LANDED to CONTRACTED by the lagging live batches).
 * <p>
 * Nothing counted is lost between the two writes: each changed case is written with what the tallies counted of it
 * before the batch ({@link PendingTally}, its tally outbox), under a note of the batch written while its cases are read;
 * the tallies then take the batch once (marked with its id) and the note goes. The batch leaves each case with the case's
 * next write, and its marks each tally document with the document's next write (see
 * {@link #settle(String, String, String, Map)}): removing them in writes of their own rewrote every case and tally document
 * of a batch a second time. Should the tally write fail or the process die before it, the cases keep what they owe
 * (their events are in their inboxes and are not projected again), and {@link #recover} adds it once.
 */
@Component
public class PipelineProjection {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineProjection.class);
    /** How many of the latest batches it saw settled this instance remembers (each a case may still name once). */
    private static final int SETTLED_KEPT = 10_000;

    private final CaseDocuments documents;
    private final PipelineMoves moves;
    private final CaseTallies tallies;
    private final Clock clock;
    private Mono<Void> tail = Mono.empty();
    /**
     * The latest batches this instance saw settled (the tallies have them, their notes are gone): their pending tallies
     * leave the cases with the cases' next writes. Of a batch not among them a case names, the notes tell.
     */
    private final Set<String> settled = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SETTLED_KEPT;
        }
    }));

    PipelineProjection(CaseDocuments documents, PipelineMoves moves, CaseTallies tallies, Clock clock) {
        this.documents = documents;
        this.moves = moves;
        this.tallies = tallies;
        this.clock = clock;
    }

    /** Applies {@code events} (in order) to the live read model; completes once the cases and tallies are stored. */
    public Mono<Void> project(List<IncomingEvent> events) {
        return project(events, CaseDocuments.CASES, CaseDocuments.TALLIES, true);
    }

    /**
     * Applies {@code events} to the cases of {@code caseCollection} and the tallies of {@code tallyCollection} (a rebuild
     * catches up on its fresh collections); {@code observed}: whether the moves are reported to the metrics.
     */
    public Mono<Void> project(List<IncomingEvent> events, String caseCollection, String tallyCollection, boolean observed) {
        return projectFacts(facts(events), caseCollection, tallyCollection, observed);
    }

    private static List<ProjectionBatch.Fact> facts(List<IncomingEvent> events) {
        List<ProjectionBatch.Fact> facts = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            List<CaseFact> meaning = CaseFacts.of(event.data());
            if (!meaning.isEmpty()) {
                facts.add(new ProjectionBatch.Fact(event.caseId(), event.id(), meaning));
            }
        }
        return facts;
    }

    /**
     * As {@link #project(List, String, String, boolean)} (not observed), not waiting its turn: inside {@link #exclusively},
     * or on collections no live batch writes (a rebuild's fresh ones).
     */
    public Mono<Void> projectHeld(List<IncomingEvent> events, String caseCollection, String tallyCollection) {
        List<ProjectionBatch.Fact> facts = facts(events);
        return facts.isEmpty() ? Mono.empty() : apply(facts, caseCollection, tallyCollection, false);
    }

    /** Applies {@code facts} (what events mean for their cases, in order) as {@link #project(List, String, String, boolean)} does. */
    Mono<Void> projectFacts(List<ProjectionBatch.Fact> facts, String caseCollection, String tallyCollection, boolean observed) {
        return facts.isEmpty() ? Mono.empty() : exclusively(() -> apply(facts, caseCollection, tallyCollection, observed));
    }

    private Mono<Void> apply(List<ProjectionBatch.Fact> facts, String caseCollection, String tallyCollection, boolean observed) {
        return storeOwing(facts, caseCollection).flatMap(owed -> settle(caseCollection, tallyCollection, owed)
                .then(Mono.fromRunnable(() -> {
                    if (observed) {
                        owed.batch().moves().forEach(move -> move.report(moves));
                    }
                })));
    }

    /**
     * The first write of a batch: the cases {@code facts} change, each with what the tallies counted of it before (on the
     * live collections, where the recovery looks) and without the pending tallies of batches settled since its last write;
     * answers what the batch adds to the tallies. A process that dies after it has lost nothing: {@link #recover} adds
     * what the cases owe.
     */
    Mono<Owed> storeOwing(List<ProjectionBatch.Fact> facts, String caseCollection) {
        List<String> caseIds = ProjectionBatch.caseIds(facts);
        String batchId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        // a live batch is noted (every case it names: those that will owe are among them) while its cases are read, so
        // that the recovery finds what they owe by key; the note is in place before any case is written
        Mono<Void> noted = live(caseCollection) ? documents.markOwed(new CaseDocuments.OwedBatch(batchId, now, caseIds)) : Mono.empty();
        Mono<Map<String, PipelineCase>> read = documents.load(caseCollection, caseIds).collectMap(PipelineCase::caseId);
        return Mono.zip(read, noted.thenReturn(true)).flatMap(readAndNoted -> {
            ProjectionBatch batch = new ProjectionBatch(readAndNoted.getT1(), tallies);
            facts.forEach(batch::apply);
            Map<String, Map<String, TallyIncrements>> byCase = batch.tallyIncrementsByCase();
            Mono<Void> owing = !live(caseCollection) ? Mono.empty() : settledAmong(batch.changed()).doOnNext(isSettled ->
                    batch.changed().forEach(changed -> {
                        changed.forgetSettled(isSettled);
                        if (byCase.containsKey(changed.caseId())) {
                            changed.owe(new PendingTally(batchId, now, batch.before(changed.caseId())));
                        }
                    })).then();
            return owing.then(Mono.defer(() -> documents.store(caseCollection, batch.changed())))
                    .thenReturn(new Owed(batch, batchId, ProjectionBatch.sum(byCase), List.copyOf(byCase.keySet())));
        });
    }

    /**
     * Which batches the pending tallies of {@code cases} name are settled: those this instance saw settled, and of the
     * others (after a restart, or settled by another instance) those whose notes are gone, asked in one read by key.
     */
    private Mono<Predicate<String>> settledAmong(Collection<PipelineCase> cases) {
        Set<String> unknown = cases.stream().flatMap(pipelineCase -> pipelineCase.pendingTallies().stream())
                .map(PendingTally::batch).filter(batch -> !settled.contains(batch)).collect(Collectors.toSet());
        if (unknown.isEmpty()) {
            return Mono.just(settled::contains);
        }
        return documents.noted(unknown).map(noted -> {
            unknown.stream().filter(batch -> !noted.contains(batch)).forEach(settled::add);
            return settled::contains;
        });
    }

    private static boolean live(String caseCollection) {
        return CaseDocuments.CASES.equals(caseCollection);
    }

    private Mono<Void> settle(String caseCollection, String tallyCollection, Owed owed) {
        return settle(caseCollection, tallyCollection, owed.batchId(), owed.increments());
    }

    /** What a stored batch owes the tallies: its id, the increments by tally document, the cases that hold them. */
    record Owed(ProjectionBatch batch, String batchId, Map<String, TallyIncrements> increments, List<String> caseIds) {
    }

    /**
     * Adds a batch's {@code increments} to the tallies once; then, on the live collections, removes the batch's note, from
     * which on the recovery cannot add it again. The batch leaves its cases with each case's next write (which drops the
     * pending tallies of batches settled) and its marks each tally document with the document's next write (which keeps
     * only the marks of batches still noted). Those leftovers are all a crash or a failed write after the note went
     * leaves (the recovery reads notes, never them), never a batch counted twice: were the tallies' marks gone while a
     * note still named cases owing the batch, the recovery would add it again.
     * On the live tallies the write also needs the note to exist after the marks were read: a recovery and the live batch
     * can both be settling one batch (the live one stalled past the recovery's age), and whichever comes second then
     * either sees the other's marks, fails on the versions the other changed, or finds the note gone (the first one
     * removed it before its marks; seen in the fault run: a batch added twice).
     */
    private Mono<Void> settle(String caseCollection, String tallyCollection, String batchId, Map<String, TallyIncrements> increments) {
        boolean live = live(caseCollection);
        Mono<Void> unnoted = live ? documents.unmarkOwed(List.of(batchId)).retryWhen(CaseTallies.WRITE_RETRY)
                .then(Mono.fromRunnable(() -> settled.add(batchId))) : Mono.empty();
        Function<Set<String>, Mono<Set<String>>> noted = live ? documents::noted : marked -> Mono.just(Set.of(batchId));
        return documents.tallyOnce(tallyCollection, batchId, increments, noted).retryWhen(CaseTallies.WRITE_RETRY)
                .then(unnoted);
    }

    /**
     * Adds to the live tallies, once, what cases still owe from batches projected more than {@code age} ago (younger
     * ones may still be on their way on another instance), and settles them; answers how many batches it settled.
     * It reads the notes of the batches not settled yet and their cases by key, never the whole collection: at a
     * million cases a scan every minute took seconds of the database, and held every live batch while it ran.
     */
    public Mono<Long> recover(Duration age) {
        return exclusively(() -> {
            Instant cutoff = clock.instant().minus(age);
            return documents.owedBefore(cutoff).collectList().flatMap(noted -> {
                Set<String> batches = noted.stream().map(CaseDocuments.OwedBatch::batch).collect(Collectors.toSet());
                Set<String> caseIds = noted.stream().flatMap(owed -> owed.caseIds().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
                return documents.load(CaseDocuments.CASES, caseIds).collectList()
                        .flatMap(cases -> settleOwed(cases, batches, cutoff))
                        .flatMap(owing -> documents.unmarkOwed(batches).then(Mono.fromRunnable(() -> settled.addAll(batches)))
                                .thenReturn(owing));
            });
        });
    }

    /** Settles what {@code cases} owe from {@code batches}; answers how many batches owed anything. */
    private Mono<Long> settleOwed(List<PipelineCase> cases, Set<String> batches, Instant cutoff) {
        Map<String, Map<String, TallyIncrements>> owedByBatch = new LinkedHashMap<>();
        Map<String, List<String>> casesByBatch = new LinkedHashMap<>();
        cases.forEach(owing -> tallies.owed(owing).forEach((pending, increments) -> {
            if (batches.contains(pending.batch()) && pending.at().isBefore(cutoff) && !increments.isEmpty()) {
                CaseTallies.addTo(owedByBatch.computeIfAbsent(pending.batch(), any -> new LinkedHashMap<>()), increments, 1);
                casesByBatch.computeIfAbsent(pending.batch(), any -> new ArrayList<>()).add(owing.caseId());
            }
        }));
        return Flux.fromIterable(owedByBatch.entrySet())
                .concatMap(owed -> settle(CaseDocuments.CASES, CaseDocuments.TALLIES, owed.getKey(), owed.getValue()))
                .then(Mono.just((long) owedByBatch.size()))
                .doOnNext(settled -> {
                    if (settled > 0) {
                        LOG.warn("added {} batches' tally increments that {} cases still owed (a crash or a failed write before)",
                                settled, casesByBatch.values().stream().mapToInt(List::size).sum());
                    }
                });
    }

    /**
     * Runs {@code work} while this instance projects nothing else: after the work subscribed before it (the batch in
     * progress), before the work subscribed after it. Every projection runs through here; inside it, project with
     * {@link #projectHeld} (a {@link #project} call would wait for {@code work} itself).
     */
    public <T> Mono<T> exclusively(Supplier<Mono<T>> work) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> done = Sinks.empty();
            Mono<Void> previous;
            synchronized (this) {
                previous = tail;
                tail = done.asMono();
            }
            return previous.then(Mono.defer(work))
                    .doFinally(signal -> previous.doFinally(after -> done.tryEmitEmpty()).subscribe());
        });
    }
}
