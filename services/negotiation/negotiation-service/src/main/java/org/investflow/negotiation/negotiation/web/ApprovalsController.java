package org.investflow.negotiation.negotiation.web;

import org.investflow.negotiation.negotiation.NegotiationService;
import org.investflow.negotiation.negotiation.PendingApproval;
import org.investflow.platform.web.Caller;
import org.investflow.platform.events.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * Leadership's report of versions waiting for approval, longest waiting first, with whether each was
 * escalated. Nothing passes automatically: a version nobody is eligible to approve stays here.
 */
@RestController
class ApprovalsController {

    private final NegotiationService negotiations;

    ApprovalsController(NegotiationService negotiations) {
        this.negotiations = negotiations;
    }

    @GetMapping("/api/approvals/pending")
    Flux<PendingApproval> pending(Caller caller) {
        caller.require(Role.LEADER, Role.ADMIN);
        return negotiations.pendingApprovals();
    }
}
