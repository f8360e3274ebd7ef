package org.investflow.tracking.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.investflow.platform.domain.Money;

/**
 * What one upstream fact tells the pipeline about its case: a stage it entered ({@link StageSignal}), or a
 * figure the commission's ratios need. Figures keep the latest fact by its time (capital, jobs, contract) or
 * the earliest (construction start), so their arrival order does not matter.
 */
public sealed interface CaseFact permits StageSignal, CaseFact.Committed, CaseFact.Realised, CaseFact.JobsToDate,
        CaseFact.ConstructionStarted, CaseFact.Reopened, CaseFact.Delayed {

    /** When it happened at its producer. */
    Instant at();

    /**
     * An executed contract's commitment. A later contract of the same case (a capital increase, a
     * re-signed contract) replaces it, so the case's committed capital grows by the increment only.
     */
    record Committed(Money capital, int jobs, Instant at) implements CaseFact {

        public Committed {
            Objects.requireNonNull(capital, "capital");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The capital realised so far (entries in effect), in the committed currency. */
    record Realised(Money capital, Instant at) implements CaseFact {

        public Realised {
            Objects.requireNonNull(capital, "capital");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The jobs the project created to date. */
    record JobsToDate(int jobs, Instant at) implements CaseFact {

        public JobsToDate {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Construction of the project started (recorded, or corrected). */
    record ConstructionStarted(Instant at) implements CaseFact {

        public ConstructionStarted {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The contract drawn from the agreement was declined, expired or voided (not superseded): the
     * negotiation reopens, so an AGREED case is back in NEGOTIATING unless it agreed again afterwards.
     */
    record Reopened(Instant at) implements CaseFact {

        public Reopened {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The project's milestones overdue as project tracking last said ({@code ProjectDelayed}); an empty list
     * when it is back on track ({@code ProjectBackOnTrack}).
     */
    record Delayed(List<String> overdue, Instant at) implements CaseFact {

        public Delayed {
            overdue = List.copyOf(overdue);
            Objects.requireNonNull(at, "at");
        }
    }
}
