package org.investflow.negotiation.negotiation;

import java.time.Instant;
import java.util.List;

/** One version waiting for leadership approval, as the pending-approvals report lists it. */
public record PendingApproval(String caseId, int version, String proposedBy, List<String> reasons, Instant pendingSince,
                              boolean escalated) {
}
