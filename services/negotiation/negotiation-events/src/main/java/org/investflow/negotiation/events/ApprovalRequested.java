package org.investflow.negotiation.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A term-sheet version exceeds the incentive policy and waits for a leader other than its author;
 * until then the investor neither sees nor can accept it.
 *
 * @param reasons the policy thresholds it exceeds, in words
 */
public record ApprovalRequested(String caseId, String investorId, int version, List<String> reasons,
                                Instant occurredAt, Actor actor) implements NegotiationEvent {

    public ApprovalRequested {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        reasons = List.copyOf(reasons);
    }
}
