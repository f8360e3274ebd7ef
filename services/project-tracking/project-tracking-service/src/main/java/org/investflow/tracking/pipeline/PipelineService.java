package org.investflow.tracking.pipeline;

import java.time.Duration;

import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.messaging.IncomingEvent;
import org.investflow.tracking.pipeline.persistence.PipelineCaseRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps the pipeline read model and answers leadership's questions about it. Each event upserts
 * its case's one document; listeners of different topics may write one case at the same time, so
 * a lost optimistic-lock race is simply replayed on the fresh document.
 */
@Service
public class PipelineService {

    private static final Retry CONCURRENT_WRITE = Retry.backoff(5, Duration.ofMillis(20))
            .filter(error -> error instanceof OptimisticLockingFailureException || error instanceof DuplicateKeyException);

    private final PipelineCaseRepository cases;
    private final StageCounts counts;

    public PipelineService(PipelineCaseRepository cases, StageCounts counts) {
        this.cases = cases;
        this.counts = counts;
    }

    /** Applies an upstream fact to its case; facts that mean no stage are ignored. */
    public Mono<Void> handle(IncomingEvent event) {
        return StageSignals.of(event.data()).map(signal -> apply(event, signal)).orElse(Mono.empty());
    }

    private Mono<Void> apply(IncomingEvent event, StageSignal signal) {
        return cases.findById(event.caseId())
                .switchIfEmpty(Mono.fromSupplier(() -> PipelineCase.open(event.caseId())))
                .filter(pipelineCase -> pipelineCase.apply(event.id(), signal))
                .flatMap(cases::save)
                .retryWhen(CONCURRENT_WRITE)
                .then();
    }

    /** Current and reached counts of every stage, in funnel order. */
    public Mono<Funnel> funnel() {
        return Flux.fromArray(PipelineStage.values()).concatMap(this::row).collectList().map(Funnel::new);
    }

    private Mono<FunnelStage> row(PipelineStage stage) {
        return Mono.zip(counts.current(stage), counts.reached(stage),
                (current, reached) -> new FunnelStage(stage, current, reached));
    }

    /** The case as {@code viewer} may see it: investors only their own, staff every one. */
    public Mono<PipelineCase> view(String caseId, Actor viewer) {
        return cases.findById(caseId)
                .filter(pipelineCase -> !"INVESTOR".equals(viewer.role()) || pipelineCase.isOwnedBy(viewer.id()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("case", caseId)));
    }
}
