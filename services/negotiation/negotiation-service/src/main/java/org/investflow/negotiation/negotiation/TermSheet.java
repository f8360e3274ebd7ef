package org.investflow.negotiation.negotiation;

import java.time.Instant;
import java.util.Objects;

import org.investflow.negotiation.events.Terms;
import org.investflow.platform.events.Actor;

/**
 * One immutable version of the term sheet; a counter-offer is the next version, never an edit.
 * Only its approval record changes, and only while it waits for one.
 *
 * @param version    1, 2, … in the order they were proposed
 * @param proposedBy the user who proposed it
 * @param side       which party proposed it
 * @param basedOn    the version it counters, null for a first proposal
 * @param approval   the leadership approval it needed, null when the policy did not require one
 */
public record TermSheet(int version, Terms terms, String proposedBy, Instant proposedAt, Side side, Integer basedOn,
                        Approval approval) {

    public TermSheet {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(proposedBy, "proposedBy");
        Objects.requireNonNull(proposedAt, "proposedAt");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        Objects.requireNonNull(side, "side");
    }

    /** On the table: the investor's own versions, and commission versions that needed no approval or got it. */
    public boolean isTabled() {
        return side == Side.INVESTOR || approval == null || approval.state() == ApprovalState.APPROVED;
    }

    /** Whether {@code viewer} may see it: staff see every version, the investor only tabled ones. */
    public boolean isVisibleTo(Actor viewer) {
        return !viewer.actsAsInvestor() || isTabled();
    }

    /** Waiting for a leader's decision. */
    public boolean isPendingApproval() {
        return approval != null && approval.isPending();
    }

    /** How the version stands, in one word, for the API. */
    public String standing() {
        return approval == null || approval.state() == ApprovalState.APPROVED ? "TABLED"
                : approval.state() == ApprovalState.PENDING ? "PENDING_APPROVAL" : approval.state().name();
    }

    TermSheet withApproval(Approval changed) {
        return new TermSheet(version, terms, proposedBy, proposedAt, side, basedOn, changed);
    }
}
