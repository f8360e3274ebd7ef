package org.investflow.tracking.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.messaging.EventMetadata;
import org.investflow.tracking.pipeline.persistence.PipelineCaseRepository;
import org.investflow.tracking.pipeline.persistence.StageCounts;
import org.investflow.tracking.pipeline.persistence.rebuild.PipelineRebuild;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps the pipeline read model and answers leadership's questions about it. Each event upserts
 * its case's one document; listeners of different topics may write one case at the same time, so
 * a lost optimistic-lock race is simply replayed on the fresh document. Every figure is read from
 * the cases' documents (counts, kept durations), never from the event history.
 */
@Service
public class PipelineService {

    private static final Retry CONCURRENT_WRITE = Retry.backoff(5, Duration.ofMillis(20))
            .filter(error -> error instanceof OptimisticLockingFailureException || error instanceof DuplicateKeyException);

    private final PipelineCaseRepository cases;
    private final StageCounts counts;
    private final PipelineMoves moves;
    private final PipelineSettings settings;
    private final ReportingCurrency reporting;
    private final PipelineRebuild rebuild;
    private final Clock clock;

    public PipelineService(PipelineCaseRepository cases, StageCounts counts, PipelineMoves moves, PipelineSettings settings,
                           ReportingCurrency reporting, PipelineRebuild rebuild, Clock clock) {
        this.cases = cases;
        this.counts = counts;
        this.moves = moves;
        this.settings = settings;
        this.reporting = reporting;
        this.rebuild = rebuild;
        this.clock = clock;
    }

    /** Applies an upstream fact to its case; facts that mean neither a stage nor a figure are ignored. */
    public Mono<Void> apply(Record fact, EventMetadata event) {
        List<CaseFact> facts = CaseFacts.of(fact);
        return facts.isEmpty() ? Mono.empty() : apply(event, facts);
    }

    private Mono<Void> apply(EventMetadata event, List<CaseFact> facts) {
        String caseId = event.caseId().value();
        return cases.findById(caseId)
                .switchIfEmpty(Mono.fromSupplier(() -> PipelineCase.open(caseId)))
                .flatMap(pipelineCase -> change(pipelineCase, event.id(), facts))
                .retryWhen(CONCURRENT_WRITE)
                .then();
    }

    /** Applies the facts and saves; reports the move only once the document is stored. */
    private Mono<PipelineCase> change(PipelineCase pipelineCase, String eventId, List<CaseFact> facts) {
        PipelineStage from = pipelineCase.stage();
        Map<PipelineStage, Long> knownDurations = pipelineCase.secondsInStage();
        if (!pipelineCase.apply(eventId, facts)) {
            return Mono.empty();
        }
        return cases.save(pipelineCase).doOnNext(saved -> moves.moved(from, saved.stage(), knownDurations, saved.secondsInStage()));
    }

    /**
     * Current and reached counts, conversion and time in stage of every stage, in funnel order, for {@code filter}:
     * one pass over the matching cases, reading only their stages and kept durations.
     */
    public Mono<Funnel> funnel(PipelineFilter filter) {
        return counts.stages(filter).reduce(new FunnelTally(), FunnelTally::add).map(FunnelTally::funnel);
    }

    /** The funnel of every case. */
    public Mono<Funnel> funnel() {
        return funnel(PipelineFilter.ALL);
    }

    /**
     * The commission's figures over the contracted cases of {@code filter}, whose period is the day of
     * their first signing: read from the cases' documents one by one, never from events.
     */
    public Mono<CommissionFigures> figures(PipelineFilter filter) {
        return counts.contracted(filter).reduce(new FiguresTally(reporting), FiguresTally::add).map(FiguresTally::figures);
    }

    /** Cases of {@code filter} without a transition for longer than the configured time, longest waiting first. */
    public Flux<StalledCase> stalled(PipelineFilter filter, int limit) {
        Instant now = clock.instant();
        return counts.stalled(now.minus(settings.stalledAfter()), filter, limit).map(found -> StalledCase.of(found, now));
    }

    /** Cases of {@code filter} whose project is delayed, as project tracking's delay check last said. */
    public Flux<DelayedCase> delayed(PipelineFilter filter, int limit) {
        return counts.delayed(filter, limit).map(DelayedCase::of);
    }

    /** Every case of {@code filter}, in a stable order (opened first, then case id): the rows of the exported table. */
    public Flux<PipelineCase> cases(PipelineFilter filter) {
        return counts.cases(filter);
    }

    /** How many cases are stalled now. */
    public Mono<Long> countStalled() {
        return counts.countStalled(clock.instant().minus(settings.stalledAfter()));
    }

    /** Cases whose current stage is {@code stage}, over every case. */
    public Mono<Long> current(PipelineStage stage) {
        return counts.current(stage, PipelineFilter.ALL);
    }

    /** The case as {@code viewer} may see it: investors only their own, staff every one. */
    public Mono<PipelineCase> view(String caseId, Actor viewer) {
        return cases.findById(caseId)
                .filter(pipelineCase -> viewer.maySee(pipelineCase::isOwnedBy))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("case", caseId)));
    }

    /** Rebuilds the read model from the topics and swaps it in; refused (409) while another rebuild runs. */
    public Mono<RebuildReport> rebuild() {
        return rebuild.run();
    }
}
