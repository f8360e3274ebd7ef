package org.investflow.tracking.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.investflow.platform.messaging.IncomingEvent;
import org.investflow.tracking.pipeline.persistence.CaseDocuments;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Projects batches of upstream events onto the pipeline read model: one read of every case the batch names, the
 * events applied in memory in their order (the events of a case keep their partition order), one bulk write of the
 * changed cases, then one bulk write of the tallies they count. Redelivered events change nothing (each case's
 * inbox), so a batch may be replayed.
 * <p>
 * One writer per case: across instances, the consumer group assigns partition {@code p} of every topic to one
 * consumer; within an instance, every projection (the live batches, direct calls, a rebuild's catch-up) runs one after
 * the other here, so no read-apply-write of a case overlaps another and no optimistic lock is needed.
 * <p>
 * The tallies are written after the cases they count: if that second write fails it is retried by the batch (the
 * cases' inboxes then skip the events, so the tallies would miss them): it is therefore retried on its own first;
 * a crash between the two writes leaves the tallies short of that batch until the next rebuild.
 */
@Component
public class PipelineProjection {

    private final CaseDocuments documents;
    private final PipelineMoves moves;
    private final CaseTallies tallies;
    private Mono<Void> tail = Mono.empty();

    PipelineProjection(CaseDocuments documents, PipelineMoves moves, CaseTallies tallies) {
        this.documents = documents;
        this.moves = moves;
        this.tallies = tallies;
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
        List<ProjectionBatch.Fact> facts = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            List<CaseFact> meaning = CaseFacts.of(event.data());
            if (!meaning.isEmpty()) {
                facts.add(new ProjectionBatch.Fact(event.caseId(), event.id(), meaning));
            }
        }
        return facts.isEmpty() ? Mono.empty() : oneAtATime(() -> apply(facts, caseCollection, tallyCollection, observed));
    }

    private Mono<Void> apply(List<ProjectionBatch.Fact> facts, String caseCollection, String tallyCollection, boolean observed) {
        return documents.load(caseCollection, ProjectionBatch.caseIds(facts)).collectMap(PipelineCase::caseId).flatMap(stored -> {
            ProjectionBatch batch = new ProjectionBatch(stored, tallies);
            facts.forEach(batch::apply);
            return documents.store(caseCollection, batch.changed())
                    .then(documents.tally(tallyCollection, batch.tallyIncrements()).retryWhen(CaseTallies.WRITE_RETRY))
                    .then(Mono.fromRunnable(() -> {
                        if (observed) {
                            batch.moves().forEach(move -> move.report(moves));
                        }
                    }));
        });
    }

    /** Runs the projections one after the other, in the order they are subscribed to. */
    private Mono<Void> oneAtATime(Supplier<Mono<Void>> work) {
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
