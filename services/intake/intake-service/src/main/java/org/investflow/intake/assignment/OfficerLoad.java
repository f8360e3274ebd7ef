package org.investflow.intake.assignment;

import java.time.Instant;

/**
 * How busy an officer is when a case is routed.
 *
 * @param openCases    cases assigned to them still waiting for a decision
 * @param lastAssigned when they were last given a case (null: never)
 */
public record OfficerLoad(String officerId, long openCases, Instant lastAssigned) {
}
