package org.investflow.intake.intention;

import java.time.Instant;

import org.investflow.intake.screening.ScreeningResult;

/**
 * Which intentions a queue page shows, in which order, from where.
 *
 * @param officerId       only cases assigned to this officer (null: any)
 * @param investorId      only this investor's cases (null: any)
 * @param unassigned      only cases no officer is assigned to (the leaders' assignment queue)
 * @param submittedBefore only cases submitted before this instant (the age filter; null: any)
 * @param newestFirst     newest or oldest first
 * @param after           the position after which the page starts (null: the beginning)
 * @param limit           page size
 */
public record QueueQuery(String officerId, String investorId, boolean unassigned, IntentionStatus status, ScreeningResult.Flag flag,
                         String district, String industryCode, Instant submittedBefore, boolean newestFirst,
                         Position after, int limit) {

    /** A place in the queue's order: the last case of the previous page. */
    public record Position(Instant submittedAt, String caseId) {
    }
}
