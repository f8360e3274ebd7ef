package org.investflow.negotiation.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.investflow.platform.events.Actor;

/**
 * A leader other than the author approved or rejected a version that needed approval, with a reason.
 *
 * @param decision {@code APPROVED} or {@code REJECTED}
 */
public record ApprovalDecided(String caseId, String investorId, int version, String decision, String reason,
                              Instant occurredAt, Actor actor) implements NegotiationEvent {

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    public ApprovalDecided {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        if (!Set.of(APPROVED, REJECTED).contains(decision)) {
            throw new IllegalArgumentException("a decision is APPROVED or REJECTED");
        }
    }
}
