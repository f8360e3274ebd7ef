package org.investflow.negotiation.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A version has waited for approval longer than the configured time; leadership is alerted (once).
 *
 * @param pendingSince when its approval was requested
 */
public record ApprovalEscalated(String caseId, String investorId, int version, Instant pendingSince,
                                Instant occurredAt, Actor actor) implements NegotiationEvent {

    public ApprovalEscalated {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(pendingSince, "pendingSince");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
