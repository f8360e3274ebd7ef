package org.investflow.intake.intention;

import java.time.Instant;

/**
 * What one intention adds to its officer's load: whether it is assigned, still waiting for a decision,
 * and since when the officer has it. Intake keeps one load document per officer and moves it by the
 * difference between an intention's workload before and after a command.
 *
 * @param officerId  the assigned officer, or null
 * @param open       whether the case still waits for a decision
 * @param assignedAt when the officer got the case, or null
 */
public record Workload(String officerId, boolean open, Instant assignedAt) {

    /** A case that is not there yet (or not submitted): it loads nobody. */
    public static final Workload NONE = new Workload(null, false, null);

    static Workload of(Intention intention) {
        return new Workload(intention.assignedOfficerId(), intention.status().open(), intention.assignedAt());
    }

    /** Whether this case counts among {@code officer}'s open cases. */
    public boolean countsFor(String officer) {
        return open && officer != null && officer.equals(officerId);
    }
}
