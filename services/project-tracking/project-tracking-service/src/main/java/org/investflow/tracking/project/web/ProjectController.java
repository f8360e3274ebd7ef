package org.investflow.tracking.project.web;

import jakarta.validation.Valid;
import org.investflow.platform.web.Caller;
import org.investflow.platform.web.Role;
import org.investflow.tracking.project.ProjectService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The officer a project is assigned to records its milestones (other officers 403, every other role
 * 403); investors follow their own projects (another's answers 404 like an unknown one), staff read
 * all of them.
 */
@RestController
@RequestMapping("/api/projects")
class ProjectController {

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping("/{caseId}")
    Mono<ProjectView> view(Caller caller, @PathVariable String caseId) {
        return projects.view(caseId, caller.actor()).map(ProjectView::of);
    }

    @PostMapping("/{caseId}/milestones")
    Mono<ProjectView> record(Caller caller, @PathVariable String caseId, @Valid @RequestBody RecordMilestoneRequest request) {
        caller.require(Role.OFFICER);
        return projects.record(caseId, request.toAchievement(), caller.actor()).map(ProjectView::of);
    }

    /** Capital injected into the project: 201 with the project, its realised capital and flags. */
    @PostMapping("/{caseId}/capital-injections")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ProjectView> inject(Caller caller, @PathVariable String caseId, @Valid @RequestBody CapitalInjectionRequest request) {
        caller.require(Role.OFFICER);
        return projects.inject(caseId, request.toInjection(), caller.actor()).map(ProjectView::of);
    }
}
