package org.investflow.tracking.pipeline;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * The stage of an investment case in leadership's funnel, declared in funnel order, exits last.
 * <pre>
 *   INTENTION ──► SCREENED ──► NEGOTIATING ──► AGREED ──► CONTRACTED ──► LANDED ──► OPERATING
 *       │           │
 *       └───────────┴──► REJECTED   (exit: terminal)
 * </pre>
 * Events of different services arrive in any order (one topic each), so a case may skip ahead to
 * any stage ranked higher (a contract executed before the acceptance arrived); it never moves back
 * to a lower rank and never leaves an exit.
 */
public enum PipelineStage {
    INTENTION(10, false),
    SCREENED(20, false),
    NEGOTIATING(30, false),
    AGREED(40, false),
    CONTRACTED(50, false),
    LANDED(60, false),
    OPERATING(70, false),
    /**
     * Intake rejected the intention (automatically, or an officer after screening): an exit from
     * INTENTION or SCREENED, ranked between SCREENED and NEGOTIATING.
     */
    REJECTED(25, true);

    private final int rank;
    private final boolean exit;

    PipelineStage(int rank, boolean exit) {
        this.rank = rank;
        this.exit = exit;
    }

    public boolean canTransitionTo(PipelineStage target) {
        return !exit && target.rank > rank;
    }

    /**
     * The stage whose cases this one converts, for stage-to-stage conversion: the funnel stage ranked
     * just below it; for an exit the first stage (the share of all intentions that left this way);
     * empty for the first stage.
     */
    public Optional<PipelineStage> predecessor() {
        if (exit) {
            return Optional.of(INTENTION);
        }
        return Arrays.stream(values()).filter(other -> !other.exit && other.rank < rank)
                .max(Comparator.comparingInt(other -> other.rank));
    }

    /** Whether a case that got here has left the funnel. */
    public boolean isExit() {
        return exit;
    }
}
