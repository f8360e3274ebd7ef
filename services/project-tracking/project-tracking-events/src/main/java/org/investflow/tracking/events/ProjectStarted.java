package org.investflow.tracking.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * The contract of the case was executed and its project is now tracked, with what the investor
 * committed to in the signed contract.
 *
 * @param committedAmount exact decimal amount in {@code currency} (ISO 4217)
 * @param landingDeadline the date by which the project should have landed
 */
public record ProjectStarted(String caseId, String investorId, BigDecimal committedAmount, String currency,
                             int committedJobs, LocalDate landingDeadline, Instant occurredAt, Actor actor)
        implements TrackingEvent {

    public ProjectStarted {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(committedAmount, "committedAmount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(landingDeadline, "landingDeadline");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        if (committedAmount.signum() <= 0 || committedJobs < 0) {
            throw new IllegalArgumentException("a project commits a positive amount and no negative jobs");
        }
    }
}
