package org.investflow.tracking.pipeline.web;

import java.util.Map;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.investflow.platform.web.Caller;
import org.investflow.platform.events.Role;
import org.investflow.tracking.calendar.CommissionCalendar;
import org.investflow.tracking.pipeline.CommissionFigures;
import org.investflow.tracking.pipeline.DelayedCase;
import org.investflow.tracking.pipeline.Funnel;
import org.investflow.tracking.pipeline.PipelineService;
import org.investflow.tracking.pipeline.RebuildReport;
import org.investflow.tracking.pipeline.StalledCase;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Leadership and officers read the funnel and the stalled cases; investors may follow their own cases through it. */
@RestController
@RequestMapping("/api/pipeline")
class PipelineController {

    private final PipelineService pipeline;
    private final Clock clock;
    private final CommissionCalendar calendar;

    PipelineController(PipelineService pipeline, Clock clock, CommissionCalendar calendar) {
        this.pipeline = pipeline;
        this.clock = clock;
        this.calendar = calendar;
    }

    @GetMapping("/funnel")
    Mono<Funnel> funnel(Caller caller, @Valid @ParameterObject @ModelAttribute PipelineQuery query) {
        caller.require(Role.OFFICER, Role.LEADER, Role.ADMIN);
        return pipeline.funnel(query.toFilter(calendar.zone()));
    }

    /**
     * The commission's ratios, capital (reporting currency) and jobs over the contracted cases of the filters;
     * {@code from}/{@code to} select the day of each case's first signing.
     */
    @GetMapping("/figures")
    Mono<CommissionFigures> figures(Caller caller, @Valid @ParameterObject @ModelAttribute PipelineQuery query) {
        caller.require(Role.OFFICER, Role.LEADER, Role.ADMIN);
        return pipeline.figures(query.toFilter(calendar.zone()));
    }

    /** Cases with no transition for longer than {@code investflow.tracking.pipeline.stalled-after}, longest waiting first. */
    @GetMapping("/stalled")
    Mono<List<StalledCase>> stalled(Caller caller, @Valid @ParameterObject @ModelAttribute PipelineQuery query,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        caller.require(Role.OFFICER, Role.LEADER, Role.ADMIN);
        return pipeline.stalled(query.toFilter(calendar.zone()), limit).collectList();
    }

    /** Cases whose project is delayed (project tracking's delay check), filtered like the funnel, least recently changed first. */
    @GetMapping("/delayed")
    Mono<List<DelayedCase>> delayed(Caller caller, @Valid @ParameterObject @ModelAttribute PipelineQuery query,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        caller.require(Role.OFFICER, Role.LEADER, Role.ADMIN);
        return pipeline.delayed(query.toFilter(calendar.zone()), limit).collectList();
    }

    /**
     * The pipeline table of the cases of the filters as CSV (see {@link PipelineCsv}), streamed row by row, opened
     * first, then by case id; days in stage by the service clock.
     */
    @GetMapping(value = "/cases.csv", produces = "text/csv;charset=UTF-8")
    Flux<String> export(Caller caller, @Valid @ParameterObject @ModelAttribute PipelineQuery query) {
        caller.require(Role.OFFICER, Role.LEADER, Role.ADMIN);
        Instant now = clock.instant();
        return Flux.concat(Mono.just(PipelineCsv.HEADER),
                pipeline.cases(query.toFilter(calendar.zone())).map(pipelineCase -> PipelineCsv.row(pipelineCase, now)));
    }

    /**
     * Rebuilds the read model from the topics into a fresh collection and swaps it in (admins only); answers
     * when the rebuilt model is in place, with what the rebuild did. 409 while another rebuild runs.
     */
    @PostMapping("/rebuild")
    Mono<RebuildReport> rebuild(Caller caller) {
        caller.require(Role.ADMIN);
        return pipeline.rebuild();
    }

    /**
     * Recounts the tallies the funnel and the figures read from the stored cases, in one pass, and swaps them in (admins
     * only): after an upgrade from a read model without tallies, or after cases were put into the store by other means
     * (the benchmark's synthetic cases). Answers how many cases it counted.
     */
    @PostMapping("/recount")
    Mono<Map<String, Long>> recount(Caller caller) {
        caller.require(Role.ADMIN);
        return pipeline.recountTallies().map(cases -> Map.of("cases", cases));
    }

    @GetMapping("/cases/{caseId}")
    Mono<PipelineCaseView> view(Caller caller, @PathVariable String caseId) {
        return pipeline.view(caseId, caller.actor()).map(PipelineCaseView::of);
    }
}
