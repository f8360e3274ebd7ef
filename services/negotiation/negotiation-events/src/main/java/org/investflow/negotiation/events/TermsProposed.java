package org.investflow.negotiation.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A new, immutable version of the term sheet was put on the table.
 *
 * @param version 1 for the first proposal, then 2, 3, … for each counter-offer
 */
public record TermsProposed(String caseId, String investorId, int version, Terms terms, Instant occurredAt, Actor actor)
        implements NegotiationEvent {

    public TermsProposed {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }
}
