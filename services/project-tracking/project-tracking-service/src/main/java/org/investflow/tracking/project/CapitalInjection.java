package org.investflow.tracking.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Capital that arrived in the project, as an officer recorded it (evidence of the capital milestone;
 * injections in effect accumulate into the realised capital). A correction names the injection it
 * {@code supersedes}, which then no longer counts.
 *
 * @param amount   positive exact decimal in {@code currency}
 * @param currency ISO 4217: the committed currency
 */
public record CapitalInjection(BigDecimal amount, String currency, LocalDate injectedOn, String recordedBy, Instant recordedAt,
                               String entryId, String supersedes, String reason, String supersededBy) implements Evidence {

    public CapitalInjection {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(injectedOn, "injectedOn");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    CapitalInjection supersededBy(String correction) {
        return new CapitalInjection(amount, currency, injectedOn, recordedBy, recordedAt, entryId, supersedes, reason, correction);
    }
}
