package org.investflow.intake.intention;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.events.Actor;

/**
 * The case officer an intention is assigned to, and since when. Screening routes a case; a leader may
 * reassign it; an officer who decides on a case nobody was assigned to takes it.
 *
 * @param since when the officer got the case; null when they took it by deciding on it
 */
public record OfficerAssignment(String officerId, Instant since) {

    public OfficerAssignment {
        Objects.requireNonNull(officerId, "officerId");
    }

    /** The assignment after routing to {@code officer}: unchanged when it is null or the same officer. */
    static OfficerAssignment routed(OfficerAssignment current, String officer, Instant now) {
        if (officer == null || current != null && officer.equals(current.officerId())) {
            return current;
        }
        return new OfficerAssignment(officer, now);
    }

    /** The assignment once {@code officer} acts on the case: theirs if it was nobody's, refused if another's. */
    static OfficerAssignment actingOn(OfficerAssignment current, Actor officer, String caseId) {
        if (current == null) {
            return new OfficerAssignment(officer.id(), null);
        }
        if (!current.officerId().equals(officer.id())) {
            throw new ForbiddenException("case " + caseId + " is assigned to another officer");
        }
        return current;
    }
}
