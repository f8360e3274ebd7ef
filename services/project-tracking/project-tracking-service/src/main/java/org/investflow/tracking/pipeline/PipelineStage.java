package org.investflow.tracking.pipeline;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * The stage of an investment case in leadership's funnel, declared in funnel order, exits last.
 * <pre>
 *   INTENTION ──► SCREENED ──► NEGOTIATING ──► AGREED ──► CONTRACTED ──► LANDED ──► OPERATING
 *       │            │             │
 *       │            │             └──► NEGOTIATION_FAILED     (exit, rank 35)
 *       ├────────────┴──► REJECTED                             (exit, rank 25)
 *       └────────────┴──► WITHDRAWN                            (exit, rank 27)
 *
 *   ranks: INTENTION 10, SCREENED 20, NEGOTIATING 30, AGREED 40, CONTRACTED 50, LANDED 60, OPERATING 70
 *   every exit is terminal; a late exit ranked below the current stage is recorded but moves nothing:
 *   NEGOTIATING + late IntentionWithdrawn ──► stays NEGOTIATING (enteredAt.WITHDRAWN recorded)
 * </pre>
 * Events of different services arrive in any order (one topic each), so a case may skip ahead to
 * any stage ranked higher (a contract executed before the acceptance arrived; a failed negotiation
 * before intake's acceptance); it never moves back to a lower rank and never leaves an exit. An
 * exit is ranked just above the stages it leaves and below the first stage it rules out.
 * <p>
 * A late exit ranked below the current stage does not move the case. Example: an
 * {@code IntentionWithdrawn} arriving for a case already NEGOTIATING. Intake refuses a withdrawal
 * once the intention is decided, and a negotiation opens only on an accepted intention, so the two
 * facts contradict each other; the case keeps the furthest stage it has evidence of (NEGOTIATING)
 * instead of guessing, and the withdrawal's time is still recorded, like every late fact (the case
 * counts as having reached WITHDRAWN, so the contradiction stays visible in the funnel). The same
 * holds for a REJECTED arriving for a NEGOTIATING case and a NEGOTIATION_FAILED arriving for an
 * AGREED one. The other way round (the exit stored first, a stray later-stage fact after it) the
 * case stays in the exit.
 */
public enum PipelineStage {
    INTENTION(10, null),
    SCREENED(20, null),
    NEGOTIATING(30, null),
    AGREED(40, null),
    CONTRACTED(50, null),
    LANDED(60, null),
    OPERATING(70, null),
    /**
     * Intake rejected the intention (automatically, or an officer after screening): an exit from
     * INTENTION or SCREENED, ranked between SCREENED and NEGOTIATING; converts from INTENTION.
     */
    REJECTED(25, INTENTION),
    /**
     * The investor withdrew the intention before intake decided it: an exit from INTENTION or
     * SCREENED, ranked between SCREENED and NEGOTIATING; converts from INTENTION.
     */
    WITHDRAWN(27, INTENTION),
    /**
     * The negotiation ended without agreement (a party withdrew, or it was inactive too long): an exit
     * from NEGOTIATING, ranked between NEGOTIATING and AGREED; converts from NEGOTIATING.
     */
    NEGOTIATION_FAILED(35, NEGOTIATING);

    private final int rank;
    /** For an exit, the stage whose cases it converts (null for a funnel stage). */
    private final PipelineStage exitsFrom;

    PipelineStage(int rank, PipelineStage exitsFrom) {
        this.rank = rank;
        this.exitsFrom = exitsFrom;
    }

    public boolean canTransitionTo(PipelineStage target) {
        return !isExit() && target.rank > rank;
    }

    /**
     * The stage whose cases this one converts, for stage-to-stage conversion: the funnel stage ranked
     * just below it; for an exit the earliest stage it leaves (REJECTED and WITHDRAWN: the share of all
     * intentions that left this way; NEGOTIATION_FAILED: the share of negotiations that failed);
     * empty for the first stage.
     */
    public Optional<PipelineStage> predecessor() {
        if (isExit()) {
            return Optional.of(exitsFrom);
        }
        return Arrays.stream(values()).filter(other -> !other.isExit() && other.rank < rank)
                .max(Comparator.comparingInt(other -> other.rank));
    }

    /** Whether a case that got here has left the funnel. */
    public boolean isExit() {
        return exitsFrom != null;
    }
}
