package org.investflow.intake.intention.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.investflow.intake.intention.IntentionService;
import org.investflow.intake.intention.IntentionStatus;
import org.investflow.intake.intention.QueueQuery;
import org.investflow.intake.screening.ScreeningResult;
import org.investflow.platform.web.Caller;
import org.investflow.platform.events.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Investors submit, update, withdraw and read their intentions; the assigned officer accepts,
 * asks for information or rejects; leaders reassign; everyone reads the queue they may see.
 */
@RestController
@RequestMapping("/api/intentions")
class IntentionController {

    private final IntentionService intentions;
    private final Clock clock;

    IntentionController(IntentionService intentions, Clock clock) {
        this.intentions = intentions;
        this.clock = clock;
    }

    @ApiResponse(responseCode = "201", description = "Submitted: the case, its address in Location", useReturnTypeSchema = true)
    @PostMapping
    Mono<ResponseEntity<IntentionView>> submit(Caller caller,
            @RequestHeader("Idempotency-Key") @Size(min = 8, max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String key,
            @Valid @RequestBody SubmitIntentionRequest request) {
        caller.require(Role.INVESTOR);
        return intentions.submit(caller.actor(), key, request.toDetails())
                .map(IntentionView::forInvestor)
                .map(view -> ResponseEntity.created(URI.create("/api/intentions/" + view.caseId())).body(view));
    }

    @ApiResponse(responseCode = "201", description = "Draft saved: the case, its address in Location", useReturnTypeSchema = true)
    @PostMapping("/drafts")
    Mono<ResponseEntity<IntentionView>> saveDraft(Caller caller,
            @RequestHeader("Idempotency-Key") @Size(min = 8, max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String key,
            @Valid @RequestBody DraftRequest request) {
        caller.require(Role.INVESTOR);
        return intentions.saveDraft(caller.actor(), key, request.toDraft())
                .map(IntentionView::forInvestor)
                .map(view -> ResponseEntity.created(URI.create("/api/intentions/" + view.caseId())).body(view));
    }

    @PutMapping("/{caseId}/draft")
    Mono<IntentionView> redraft(Caller caller, @PathVariable String caseId, @Valid @RequestBody DraftRequest request) {
        caller.require(Role.INVESTOR);
        return intentions.redraft(caseId, caller.actor(), request.toDraft()).map(IntentionView::forInvestor);
    }

    @PostMapping("/{caseId}/submission")
    Mono<IntentionView> submitDraft(Caller caller, @PathVariable String caseId) {
        caller.require(Role.INVESTOR);
        return intentions.submitDraft(caseId, caller.actor()).map(IntentionView::forInvestor);
    }

    /**
     * A queue page: an investor's own cases, an officer's assigned cases, or (leaders, admins) any
     * officer's, all or ({@code unassigned}) the cases no rule routed, which wait for a leader; filtered,
     * newest or oldest first, with cursor pagination. Investors cannot filter by DUPLICATE: the flag may
     * point at another investor's case.
     */
    @GetMapping
    Mono<QueuePage> queue(Caller caller, @RequestParam(required = false) IntentionStatus status,
                          @RequestParam(required = false) ScreeningResult.Flag flag,
                          @RequestParam(required = false) @Size(max = 100) String district,
                          @RequestParam(required = false) @Pattern(regexp = "[A-U][0-9]{2}") String industryCode,
                          @RequestParam(required = false) @Min(0) @Max(3650) Integer olderThanDays,
                          @RequestParam(required = false) @Size(max = 100) String assignedTo,
                          @RequestParam(defaultValue = "false") boolean unassigned,
                          @RequestParam(defaultValue = "newest") @Pattern(regexp = "newest|oldest") String order,
                          @RequestParam(required = false) @Size(max = 200) String cursor,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        QueueQuery query = new QueueQuery(officerScope(caller, assignedTo), caller.is(Role.INVESTOR) ? caller.userId() : null,
                unassigned && leads(caller),
                status, caller.is(Role.INVESTOR) && flag == ScreeningResult.Flag.DUPLICATE ? null : flag, district, industryCode,
                olderThanDays == null ? null : clock.instant().minus(Duration.ofDays(olderThanDays)),
                "newest".equals(order), cursor == null ? null : QueuePage.positionOf(cursor), limit);
        return intentions.queue(query).map(IntentionView.forCaller(caller)).collectList().map(items -> page(items, limit));
    }

    private static boolean leads(Caller caller) {
        return caller.is(Role.LEADER) || caller.is(Role.ADMIN);
    }

    private static String officerScope(Caller caller, String assignedTo) {
        return caller.is(Role.OFFICER) ? caller.userId() : caller.is(Role.INVESTOR) ? null : assignedTo;
    }

    private static QueuePage page(List<IntentionView> items, int limit) {
        return new QueuePage(items, items.size() < limit ? null : QueuePage.cursorOf(items.get(items.size() - 1)));
    }

    @GetMapping("/{caseId}")
    Mono<IntentionView> view(Caller caller, @PathVariable String caseId) {
        return intentions.view(caseId, caller.actor()).map(IntentionView.forCaller(caller));
    }

    @PutMapping("/{caseId}")
    Mono<IntentionView> update(Caller caller, @PathVariable String caseId, @Valid @RequestBody SubmitIntentionRequest request) {
        caller.require(Role.INVESTOR);
        return intentions.update(caseId, caller.actor(), request.toDetails()).map(IntentionView::forInvestor);
    }

    @PostMapping("/{caseId}/acceptance")
    Mono<IntentionView> accept(Caller caller, @PathVariable String caseId) {
        caller.require(Role.OFFICER);
        return intentions.accept(caseId, caller.actor()).map(IntentionView::of);
    }

    @PostMapping("/{caseId}/information-request")
    Mono<IntentionView> requestInformation(Caller caller, @PathVariable String caseId,
                                           @Valid @RequestBody InformationRequest request) {
        caller.require(Role.OFFICER);
        return intentions.requestInformation(caseId, caller.actor(), request.message().strip()).map(IntentionView::of);
    }

    @PostMapping("/{caseId}/rejection")
    Mono<IntentionView> reject(Caller caller, @PathVariable String caseId, @Valid @RequestBody RejectIntentionRequest request) {
        caller.require(Role.OFFICER);
        return intentions.reject(caseId, caller.actor(), request.reasonCode(), request.reason().strip()).map(IntentionView::of);
    }

    @PostMapping("/{caseId}/withdrawal")
    Mono<IntentionView> withdraw(Caller caller, @PathVariable String caseId, @Valid @RequestBody WithdrawalRequest request) {
        caller.require(Role.INVESTOR);
        return intentions.withdraw(caseId, caller.actor(), request.reason().strip()).map(IntentionView::forInvestor);
    }

    @PostMapping("/{caseId}/assignment")
    Mono<IntentionView> reassign(Caller caller, @PathVariable String caseId, @Valid @RequestBody ReassignmentRequest request) {
        caller.require(Role.LEADER);
        return intentions.reassign(caseId, caller.actor(), request.officerId().strip()).map(IntentionView::of);
    }
}
