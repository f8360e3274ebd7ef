package org.investflow.platform.web;

import java.util.List;

import org.investflow.platform.domain.AuditEntry;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.events.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Every service's audit log of a case, for officers, leaders and admins. */
@RestController
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/audit/cases/{caseId}")
    Mono<List<AuditEntry>> ofCase(Caller caller, @PathVariable String caseId) {
        caller.require(Role.OFFICER, Role.LEADER, Role.ADMIN);
        return trail.of(caseId)
                .filter(entries -> !entries.isEmpty())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("audit trail of case", caseId)));
    }
}
