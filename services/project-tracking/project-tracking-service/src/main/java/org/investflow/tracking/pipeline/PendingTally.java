package org.investflow.tracking.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one batch's change of a case adds to the tallies, kept in the case's document and written in the same write
 * as the change (the case's tally outbox), until the tally documents have it. The tally documents it was added to
 * are marked with {@code batch}, so adding it again (the recovery after a crash between the two writes) changes
 * nothing; then it leaves the case and the marks leave the tallies.
 *
 * @param batch  the batch's id
 * @param at     when the batch was projected (the recovery takes only those older than the projection can take)
 * @param deltas per tally document, what the change adds
 */
public record PendingTally(String batch, Instant at, List<Delta> deltas) {

    /** What to add to one tally document (see {@link TallyIncrements}); field paths are values, not keys, as they hold dots. */
    public record Delta(String tally, List<Count> counts, List<Amount> amounts, Long firstDay, Long lastDay) {
    }

    public record Count(String field, long by) {
    }

    public record Amount(String field, BigDecimal by) {
    }

    static PendingTally of(String batch, Instant at, Map<String, TallyIncrements> increments) {
        List<Delta> deltas = new ArrayList<>(increments.size());
        increments.forEach((tally, increment) -> deltas.add(new Delta(tally,
                increment.counts().entrySet().stream().map(count -> new Count(count.getKey(), count.getValue())).toList(),
                increment.amounts().entrySet().stream().map(amount -> new Amount(amount.getKey(), amount.getValue())).toList(),
                increment.firstDay(), increment.lastDay())));
        return new PendingTally(batch, at, deltas);
    }

    /** Adds what it owes to {@code sums}, by tally document. */
    void addTo(Map<String, TallyIncrements> sums) {
        deltas.forEach(delta -> {
            TallyIncrements sum = sums.computeIfAbsent(delta.tally(), any -> new TallyIncrements());
            delta.counts().forEach(count -> sum.count(count.field(), count.by()));
            delta.amounts().forEach(amount -> sum.amount(amount.field(), amount.by()));
            if (delta.firstDay() != null) {
                sum.extent(delta.firstDay());
                sum.extent(delta.lastDay());
            }
        });
    }
}
