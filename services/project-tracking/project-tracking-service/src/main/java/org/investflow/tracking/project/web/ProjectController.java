package org.investflow.tracking.project.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.investflow.platform.web.Caller;
import org.investflow.platform.events.Role;
import org.investflow.tracking.project.Correction;
import org.investflow.tracking.project.Project;
import org.investflow.tracking.project.ProjectService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    /** Projects with milestones overdue, delayed longest first: officers and leadership. */
    @GetMapping("/delayed")
    Mono<List<DelayedProjectView>> delayed(Caller caller, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        caller.require(Role.OFFICER, Role.LEADER, Role.ADMIN);
        return projects.delayed(limit).map(DelayedProjectView::of).collectList();
    }

    /** A milestone achieved, or (with {@code supersedes} and {@code reason}) the correction of a recorded one. */
    @PostMapping("/{caseId}/milestones")
    Mono<ProjectView> record(Caller caller, @PathVariable String caseId, @Valid @RequestBody RecordMilestoneRequest request) {
        caller.require(Role.OFFICER);
        Correction correction = request.correction();
        Mono<Project> changed = correction == null ? projects.record(caseId, request.toAchievement(), caller.actor())
                : projects.correct(caseId, request.toAchievement(), correction, caller.actor());
        return changed.map(ProjectView::of);
    }

    /** Capital injected into the project, or the correction of an injection: 201 with the project, its realised capital and flags. */
    @PostMapping("/{caseId}/capital-injections")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ProjectView> inject(Caller caller, @PathVariable String caseId, @Valid @RequestBody CapitalInjectionRequest request) {
        caller.require(Role.OFFICER);
        Correction correction = request.correction();
        Mono<Project> changed = correction == null ? projects.inject(caseId, request.toInjection(), caller.actor())
                : projects.correct(caseId, request.toInjection(), correction, caller.actor());
        return changed.map(ProjectView::of);
    }

    /** Jobs created to date, or the correction of an earlier count: 201 with the project. */
    @PostMapping("/{caseId}/jobs")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ProjectView> reportJobs(Caller caller, @PathVariable String caseId, @Valid @RequestBody JobsReportRequest request) {
        caller.require(Role.OFFICER);
        return projects.reportJobs(caseId, request.toCount(), request.correction(), caller.actor()).map(ProjectView::of);
    }
}
