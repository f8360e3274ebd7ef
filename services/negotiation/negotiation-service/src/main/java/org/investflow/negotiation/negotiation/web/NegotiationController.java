package org.investflow.negotiation.negotiation.web;

import java.net.URI;

import jakarta.validation.Valid;
import org.investflow.negotiation.negotiation.NegotiationService;
import org.investflow.platform.web.Caller;
import org.investflow.platform.web.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The assigned case officer proposes term sheets; the owning investor accepts the latest; the owner
 * and all staff read the negotiation. Roles are checked here, the case relation (owner, assigned
 * officer) by the negotiation itself.
 */
@RestController
@RequestMapping("/api/negotiations")
class NegotiationController {

    private final NegotiationService negotiations;

    NegotiationController(NegotiationService negotiations) {
        this.negotiations = negotiations;
    }

    @GetMapping("/{caseId}")
    Mono<NegotiationView> view(Caller caller, @PathVariable String caseId) {
        return negotiations.find(caseId, caller.actor()).map(NegotiationView::of);
    }

    @PostMapping("/{caseId}/proposals")
    Mono<ResponseEntity<TermSheetView>> propose(Caller caller, @PathVariable String caseId,
                                                @Valid @RequestBody ProposeTermsRequest request) {
        caller.require(Role.OFFICER);
        return negotiations.propose(caseId, caller.actor(), request.toTerms())
                .map(TermSheetView::latestOf)
                .map(view -> ResponseEntity.created(location(caseId, view.version())).body(view));
    }

    @PostMapping("/{caseId}/proposals/{version}/acceptance")
    Mono<NegotiationView> accept(Caller caller, @PathVariable String caseId, @PathVariable int version) {
        caller.require(Role.INVESTOR);
        return negotiations.accept(caseId, version, caller.actor()).map(NegotiationView::of);
    }

    private static URI location(String caseId, int version) {
        return URI.create("/api/negotiations/" + caseId + "/proposals/" + version);
    }
}
