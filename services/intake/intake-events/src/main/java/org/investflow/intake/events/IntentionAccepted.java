package org.investflow.intake.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A case officer accepted the intention: negotiation may open. Carries what negotiation needs to
 * start from, so it never has to call intake.
 *
 * @param registrationNumber the company's registration number in its country, for the contract's parties. Added in a
 *                           compatible way: null from producers of the earlier releases
 * @param country            the company's country, ISO 3166-1 alpha-2, for the contract's parties; null as
 *                           {@code registrationNumber}
 */
public record IntentionAccepted(String caseId, String investorId, String officerId, String companyName,
                                BigDecimal plannedAmount, String currency, int plannedJobs, Instant occurredAt,
                                Actor actor, String registrationNumber, String country) implements IntakeEvent {

    public IntentionAccepted {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(officerId, "officerId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }

    /** An acceptance without the company's registration (the form of the earlier releases). */
    public IntentionAccepted(String caseId, String investorId, String officerId, String companyName, BigDecimal plannedAmount,
                             String currency, int plannedJobs, Instant occurredAt, Actor actor) {
        this(caseId, investorId, officerId, companyName, plannedAmount, currency, plannedJobs, occurredAt, actor, null, null);
    }
}
