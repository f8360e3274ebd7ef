package org.investflow.intake.intention.web;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.investflow.intake.intention.IntentionService;
import org.investflow.platform.web.Caller;
import org.investflow.platform.web.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Investors submit and read their intentions; case officers accept or reject them. */
@RestController
@RequestMapping("/api/intentions")
class IntentionController {

    private final IntentionService intentions;

    IntentionController(IntentionService intentions) {
        this.intentions = intentions;
    }

    @PostMapping
    Mono<ResponseEntity<IntentionView>> submit(Caller caller,
            @RequestHeader("Idempotency-Key") @Size(min = 8, max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String key,
            @Valid @RequestBody SubmitIntentionRequest request) {
        caller.require(Role.INVESTOR);
        return intentions.submit(caller.actor(), key, request.toDetails())
                .map(IntentionView::of)
                .map(view -> ResponseEntity.created(URI.create("/api/intentions/" + view.caseId())).body(view));
    }

    @GetMapping("/{caseId}")
    Mono<IntentionView> view(Caller caller, @PathVariable String caseId) {
        return intentions.view(caseId, caller.actor()).map(IntentionView::of);
    }

    @PostMapping("/{caseId}/acceptance")
    Mono<IntentionView> accept(Caller caller, @PathVariable String caseId) {
        caller.require(Role.OFFICER);
        return intentions.accept(caseId, caller.actor()).map(IntentionView::of);
    }

    @PostMapping("/{caseId}/rejection")
    Mono<IntentionView> reject(Caller caller, @PathVariable String caseId, @Valid @RequestBody RejectIntentionRequest request) {
        caller.require(Role.OFFICER);
        return intentions.reject(caseId, caller.actor(), request.reason().strip()).map(IntentionView::of);
    }
}
