package org.investflow.negotiation.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/** An accepted intention became a negotiation between the investor and the accepting case officer. */
public record NegotiationOpened(String caseId, String investorId, String officerId, String companyName,
                                Instant occurredAt, Actor actor) implements NegotiationEvent {

    public NegotiationOpened {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(officerId, "officerId");
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
