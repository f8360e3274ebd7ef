package org.investflow.intake.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A foreign investor submitted a complete investment intention; a case now exists.
 *
 * @param plannedAmount exact decimal amount in {@code currency} (ISO 4217)
 * @param country       ISO 3166-1 alpha-2 country of the investing company
 */
public record IntentionSubmitted(String caseId, String investorId, String companyName, String country,
                                 String industryCode, BigDecimal plannedAmount, String currency, int plannedJobs,
                                 String district, Instant occurredAt, Actor actor) implements IntakeEvent {

    public IntentionSubmitted {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(plannedAmount, "plannedAmount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
