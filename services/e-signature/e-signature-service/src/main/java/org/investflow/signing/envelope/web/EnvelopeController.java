package org.investflow.signing.envelope.web;

import jakarta.validation.Valid;
import org.investflow.platform.web.Caller;
import org.investflow.platform.web.Role;
import org.investflow.signing.envelope.EnvelopeService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The signers sign a case's envelope in their turn (the owning investor as its signatory, then the
 * case's assigned officer for the commission); the owner investor and all commission staff read it.
 * Leaders and admins never sign; who may sign which place is the envelope's decision.
 */
@RestController
@RequestMapping("/api/envelopes")
class EnvelopeController {

    private final EnvelopeService envelopes;

    EnvelopeController(EnvelopeService envelopes) {
        this.envelopes = envelopes;
    }

    @GetMapping("/{caseId}")
    Mono<EnvelopeView> view(Caller caller, @PathVariable String caseId) {
        return envelopes.view(caseId, caller.actor()).map(EnvelopeView::of);
    }

    @PostMapping("/{caseId}/signatures")
    Mono<EnvelopeView> sign(Caller caller, @PathVariable String caseId, @Valid @RequestBody SignRequest request) {
        caller.require(Role.INVESTOR, Role.OFFICER);
        return envelopes.sign(caseId, caller.actor(), request.typedName().strip()).map(EnvelopeView::of);
    }
}
