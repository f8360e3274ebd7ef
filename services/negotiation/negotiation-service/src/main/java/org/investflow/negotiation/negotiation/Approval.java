package org.investflow.negotiation.negotiation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The maker-checker record of a commission version that exceeds the incentive policy. Immutable:
 * each decision is a new value.
 *
 * @param reasons     the thresholds the version exceeds, in words
 * @param requestedAt when it started waiting
 * @param decidedBy   the leader who decided, null while pending
 * @param reason      the leader's reason, null while pending
 * @param escalatedAt when it was escalated for waiting too long, null if it was not
 * @param carriedFrom the earlier approved version whose approval this version carries because it changes none
 *                    of the approval-relevant terms; null for a leader's own decision
 */
public record Approval(List<String> reasons, Instant requestedAt, ApprovalState state, String decidedBy,
                       Instant decidedAt, String reason, Instant escalatedAt, Integer carriedFrom) {

    public Approval {
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(state, "state");
        reasons = List.copyOf(reasons);
    }

    static Approval requested(List<String> reasons, Instant now) {
        return new Approval(reasons, now, ApprovalState.PENDING, null, null, null, null, null);
    }

    /**
     * The approval of {@code approved} carried over to a new version with the same approval-relevant terms:
     * approved by the same leader, for the same reason, without asking again.
     */
    static Approval carriedOver(List<String> reasons, TermSheet approved, Instant now) {
        Approval decision = approved.approval();
        return new Approval(reasons, now, ApprovalState.APPROVED, decision.decidedBy(), decision.decidedAt(),
                decision.reason(), null, approved.version());
    }

    Approval decided(ApprovalState decision, String leader, String why, Instant now) {
        return new Approval(reasons, requestedAt, decision, leader, now, why, escalatedAt, carriedFrom);
    }

    Approval escalated(Instant now) {
        return new Approval(reasons, requestedAt, state, decidedBy, decidedAt, reason, now, carriedFrom);
    }

    boolean isApproved() {
        return state == ApprovalState.APPROVED;
    }

    boolean isPending() {
        return state == ApprovalState.PENDING;
    }
}
