package org.investflow.negotiation.negotiation;

/**
 * Where the leadership approval of a commission version stands.
 * <pre>
 *   PENDING ──approve──► APPROVED
 *      │ ──reject───► REJECTED
 *      └──a newer version is proposed──► SUPERSEDED
 * </pre>
 */
public enum ApprovalState {
    PENDING, APPROVED, REJECTED, SUPERSEDED
}
