package org.investflow.intake.assignment;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The routing rule: among the officers whose specialisms cover the case, the one with the fewest
 * open cases; on a tie, the one who waited longest since their last case (never assigned first),
 * then by id so the choice is deterministic.
 */
public final class Assignment {

    private static final Comparator<OfficerLoad> FAIREST = Comparator.comparingLong(OfficerLoad::openCases)
            .thenComparing(OfficerLoad::lastAssigned, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(OfficerLoad::officerId);

    private Assignment() {
    }

    /** The officer to give the case to, or empty when no officer covers it. */
    public static Optional<String> choose(List<OfficerLoad> candidates) {
        return candidates.stream().min(FAIREST).map(OfficerLoad::officerId);
    }
}
