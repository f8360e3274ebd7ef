package org.investflow.tracking.pipeline.web;

import org.investflow.platform.web.Caller;
import org.investflow.platform.web.Role;
import org.investflow.tracking.pipeline.Funnel;
import org.investflow.tracking.pipeline.PipelineService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Leadership and officers read the funnel; investors may follow their own cases through it. */
@RestController
@RequestMapping("/api/pipeline")
class PipelineController {

    private final PipelineService pipeline;

    PipelineController(PipelineService pipeline) {
        this.pipeline = pipeline;
    }

    @GetMapping("/funnel")
    Mono<Funnel> funnel(Caller caller) {
        caller.require(Role.OFFICER, Role.LEADER, Role.ADMIN);
        return pipeline.funnel();
    }

    @GetMapping("/cases/{caseId}")
    Mono<PipelineCaseView> view(Caller caller, @PathVariable String caseId) {
        return pipeline.view(caseId, caller.actor()).map(PipelineCaseView::of);
    }
}
