package org.investflow.negotiation.negotiation;

import java.time.Instant;
import java.util.Objects;

import org.investflow.negotiation.events.Terms;

/**
 * One immutable version of the term sheet; a counter-offer is the next version, never an edit.
 *
 * @param version    1, 2, … in the order they were proposed
 * @param proposedBy the user who proposed it
 */
public record TermSheet(int version, Terms terms, String proposedBy, Instant proposedAt) {

    public TermSheet {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(proposedBy, "proposedBy");
        Objects.requireNonNull(proposedAt, "proposedAt");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }
}
