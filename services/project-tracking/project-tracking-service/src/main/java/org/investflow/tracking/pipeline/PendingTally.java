package org.investflow.tracking.pipeline;

import java.time.Instant;

/**
 * A batch's change of a case that the tallies may not have yet, kept in the case's document and written in the same
 * write as the change (the case's tally outbox): what the tallies counted of the case before the batch. What the batch
 * adds to them is what they count of the case after it (the next pending tally's {@code before}, or the case as it is)
 * minus that ({@link CaseTallies#owed}). The tally documents it was added to are marked with {@code batch}, so adding it
 * again (the recovery after a crash between the two writes) changes nothing; it leaves the case with the case's next
 * write once the batch's note is gone. It keeps the case's counted fields (a few hundred bytes), not the increments
 * themselves: those came to 5-12 KB per case (two dozen tally documents, a histogram bucket each), which every case
 * write carried, mapped, sent and the database server copied.
 *
 * @param batch  the batch's id
 * @param at     when the batch was projected (the recovery takes only those older than the projection can take)
 * @param before what the tallies counted of the case before the batch
 */
public record PendingTally(String batch, Instant at, CountedCase before) {
}
