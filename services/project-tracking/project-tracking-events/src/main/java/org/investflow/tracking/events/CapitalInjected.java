package org.investflow.tracking.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * A case officer recorded a capital injection into the project. Injections accumulate: the first
 * one counts as the capital milestone of the landing rule.
 *
 * @param amount          the injected amount, exact decimal, in {@code currency}
 * @param currency        ISO 4217: always the currency of the committed capital
 * @param injectedOn      the day the capital arrived, never after the day it was recorded
 * @param realisedAmount  the capital realised so far, this injection included, in {@code currency}
 * @param capitalExceeded whether the realised capital is now more than the committed capital (a flag for review)
 * @param entryId         the project's id of this evidence entry, which a correction names; null in events
 *                        published before entries had ids
 * @param supersedes      for a correction, the injection entry it replaces (its amount no longer counts in
 *                        {@code realisedAmount}); null for a new injection
 * @param reason          why the correction was made; null exactly when {@code supersedes} is
 */
public record CapitalInjected(String caseId, String investorId, BigDecimal amount, String currency, LocalDate injectedOn,
                              BigDecimal realisedAmount, boolean capitalExceeded, Instant occurredAt, Actor actor,
                              String entryId, String supersedes, String reason)
        implements TrackingEvent {

    public CapitalInjected {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(injectedOn, "injectedOn");
        Objects.requireNonNull(realisedAmount, "realisedAmount");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
