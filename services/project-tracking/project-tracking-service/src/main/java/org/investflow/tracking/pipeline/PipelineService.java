package org.investflow.tracking.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.messaging.EventMetadata;
import org.investflow.platform.messaging.IncomingEvent;
import org.investflow.tracking.pipeline.persistence.CaseDocuments;
import org.investflow.tracking.pipeline.persistence.PipelineCaseRepository;
import org.investflow.tracking.pipeline.persistence.StageCounts;
import org.investflow.tracking.pipeline.persistence.rebuild.PipelineRebuild;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the pipeline read model and answers leadership's questions about it. Events are projected in batches
 * ({@link PipelineProjection}): each case's one document and the tallies it counts in ({@link CaseTallies}). The funnel
 * and the commission's figures are read from the tallies (a few documents whatever the number of cases), the lists from
 * the cases' documents; nothing is read from the event history.
 */
@Service
public class PipelineService {

    private final PipelineCaseRepository cases;
    private final PipelineProjection projection;
    private final CaseDocuments documents;
    private final CaseTallies tallies;
    private final StageCounts counts;
    private final PipelineSettings settings;
    private final ReportingCurrency reporting;
    private final PipelineRebuild rebuild;
    private final Clock clock;

    public PipelineService(PipelineCaseRepository cases, PipelineProjection projection, CaseDocuments documents,
                           CaseTallies tallies, StageCounts counts, PipelineSettings settings, ReportingCurrency reporting,
                           PipelineRebuild rebuild, Clock clock) {
        this.cases = cases;
        this.projection = projection;
        this.documents = documents;
        this.tallies = tallies;
        this.counts = counts;
        this.settings = settings;
        this.reporting = reporting;
        this.rebuild = rebuild;
        this.clock = clock;
    }

    /** Applies an upstream fact to its case; facts that mean neither a stage nor a figure are ignored. */
    public Mono<Void> apply(Record fact, EventMetadata event) {
        return apply(List.of(new IncomingEvent(event.id(), event.type(), event.caseId().value(), event.time(), fact)));
    }

    /** Applies a batch of upstream facts, in order, with one read and one write of the cases they concern. */
    public Mono<Void> apply(List<IncomingEvent> events) {
        return projection.project(events);
    }

    /**
     * Current and reached counts, conversion and time in stage of every stage, in funnel order, for {@code filter}:
     * read from the tallies (time in stage from their histograms, see {@link CaseTallies}); a period whose bounds are
     * not whole days of the commission's zone is answered by a {@link #recount(PipelineFilter) recount}.
     */
    public Mono<Funnel> funnel(PipelineFilter filter) {
        return tallied(CaseTallies.FUNNEL, filter).map(TallyFold::funnel).switchIfEmpty(Mono.defer(() -> recount(filter)));
    }

    /**
     * The funnel of {@code filter} counted case by case (one pass over the matching cases, exact percentiles): what the
     * tallies must equal; tests and the benchmark check them against it.
     */
    public Mono<Funnel> recount(PipelineFilter filter) {
        return counts.stages(filter).reduce(new FunnelTally(), FunnelTally::add).map(FunnelTally::funnel);
    }

    /** The commission's figures of {@code filter} counted case by case: what the tallies must equal. */
    public Mono<CommissionFigures> recountFigures(PipelineFilter filter) {
        return counts.contracted(filter).reduce(new FiguresTally(reporting), FiguresTally::add).map(FiguresTally::figures);
    }

    /** The tally documents of {@code kind} that make up {@code filter}; empty when its period is not whole days. */
    private Mono<List<Map<String, Object>>> tallied(String kind, PipelineFilter filter) {
        return tallies.documents(kind, filter, this::read);
    }

    private Mono<List<Map<String, Object>>> read(List<String> ids) {
        return documents.tallies(CaseDocuments.TALLIES, ids).<Map<String, Object>>map(document -> document).collectList();
    }

    /** The funnel of every case. */
    public Mono<Funnel> funnel() {
        return funnel(PipelineFilter.ALL);
    }

    /**
     * The commission's figures over the contracted cases of {@code filter}, whose period is the day of
     * their first signing: read from the tallies (or recounted, for a period that is not whole days).
     */
    public Mono<CommissionFigures> figures(PipelineFilter filter) {
        return tallied(CaseTallies.FIGURES, filter).map(found -> TallyFold.figures(found, reporting))
                .switchIfEmpty(Mono.defer(() -> recountFigures(filter)));
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

    /** How many cases are stalled now: from the tallies, two documents whatever the number of cases. */
    public Mono<Long> countStalled() {
        return tallies.waitingSince(clock.instant().minus(settings.stalledAfter()), this::read);
    }

    /** How many cases are stalled now, counted case by case: what {@link #countStalled()} must equal. */
    public Mono<Long> recountStalled() {
        return counts.countStalled(clock.instant().minus(settings.stalledAfter()));
    }

    /** Cases per district (the key null for cases without one), from the tallies: one document. */
    public Mono<Map<String, Long>> casesPerDistrict() {
        return read(List.of(CaseTallies.DISTRICTS)).map(TallyFold::districts);
    }

    /** Cases whose current stage is {@code stage}, over every case: from the tallies. */
    public Mono<Long> current(PipelineStage stage) {
        return funnel().map(funnel -> funnel.stages().stream().filter(row -> row.stage() == stage)
                .mapToLong(FunnelStage::current).sum());
    }

    /** The case as {@code viewer} may see it: investors only their own, staff every one. */
    public Mono<PipelineCase> view(String caseId, Actor viewer) {
        return cases.findById(caseId)
                .filter(pipelineCase -> viewer.maySee(pipelineCase::isOwnedBy))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("case", caseId)));
    }

    /**
     * Recounts the tallies from the stored cases and swaps them in; answers how many cases were counted. What cases
     * owe the tallies is forgotten first: the recount counts it with the cases.
     */
    public Mono<Long> recountTallies() {
        // no live batch meanwhile: its increments would go to the tallies this replaces, or be counted twice
        return projection.exclusively(() -> documents.forgetOwed(CaseDocuments.CASES).thenMany(documents.everyCase(CaseDocuments.CASES))
                .reduce(new TallyRecount(tallies), TallyRecount::add)
                .flatMap(recount -> documents.replaceTallies(recount.totals()).thenReturn(recount.cases())));
    }

    /** Rebuilds the read model from the topics and swaps it in; refused (409) while another rebuild runs. */
    public Mono<RebuildReport> rebuild() {
        return rebuild.run();
    }
}
