package org.investflow.tracking.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Capital that arrived in the project, as an officer recorded it (evidence of the capital milestone;
 * injections accumulate into the realised capital).
 *
 * @param amount   positive exact decimal in {@code currency}
 * @param currency ISO 4217: the committed currency
 */
public record CapitalInjection(BigDecimal amount, String currency, LocalDate injectedOn, String recordedBy, Instant recordedAt) {

    public CapitalInjection {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(injectedOn, "injectedOn");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
