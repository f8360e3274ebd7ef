package org.investflow.intake.intention;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.events.Actor;

/**
 * The case officer an intention is assigned to, and since when. Only routing or a leader assigns a case;
 * a case no rule routes waits in the leaders' assignment queue, and no officer can take it by acting on it
 * (else an investor could steer a case to a chosen officer through an industry nobody covers).
 *
 * @param since when the officer got the case (null in cases stored when officers could still take them)
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

    /** The assignment once {@code officer} acts on the case: refused unless the case is assigned to them. */
    static OfficerAssignment actingOn(OfficerAssignment current, Actor officer, String caseId) {
        if (current == null) {
            throw new ForbiddenException("case " + caseId + " is assigned to no officer yet; a leader assigns it");
        }
        if (!current.officerId().equals(officer.id())) {
            throw new ForbiddenException("case " + caseId + " is assigned to another officer");
        }
        return current;
    }
}
