package org.investflow.negotiation.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.investflow.platform.events.Actor;

/**
 * The negotiation ended without agreement: one side withdrew, or nothing happened for the configured
 * period of inactivity (actor {@code SYSTEM}).
 *
 * @param reason {@code WITHDRAWN} or {@code INACTIVE}
 * @param detail the withdrawing party's explanation, or the inactivity period
 */
public record NegotiationFailed(String caseId, String investorId, String reason, String detail, Instant occurredAt,
                                Actor actor) implements NegotiationEvent {

    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String INACTIVE = "INACTIVE";

    public NegotiationFailed {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        if (!Set.of(WITHDRAWN, INACTIVE).contains(reason)) {
            throw new IllegalArgumentException("a failure reason is WITHDRAWN or INACTIVE");
        }
    }
}
