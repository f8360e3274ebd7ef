package org.investflow.negotiation.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A new, immutable version of the term sheet was put on the table (for a version that needed
 * leadership approval: when it was approved). The actor's role tells which side proposed it.
 *
 * @param version 1 for the first proposal, then 2, 3, … for each counter-offer
 * @param basedOn the version this one counters, null for a first proposal
 */
public record TermsProposed(String caseId, String investorId, int version, Terms terms, Instant occurredAt, Actor actor,
                            Integer basedOn)
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
        if (basedOn != null && (basedOn < 1 || basedOn >= version)) {
            throw new IllegalArgumentException("a counter-offer is based on an earlier version");
        }
    }

    /** A proposal that counters no earlier version (the form of the first release). */
    public TermsProposed(String caseId, String investorId, int version, Terms terms, Instant occurredAt, Actor actor) {
        this(caseId, investorId, version, terms, occurredAt, actor, null);
    }
}
