package org.investflow.intake.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A case officer accepted the intention: negotiation may open. Carries what negotiation needs to
 * start from, so it never has to call intake.
 */
public record IntentionAccepted(String caseId, String investorId, String officerId, String companyName,
                                BigDecimal plannedAmount, String currency, int plannedJobs, Instant occurredAt,
                                Actor actor) implements IntakeEvent {

    public IntentionAccepted {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(officerId, "officerId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
