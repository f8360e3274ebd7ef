package org.investflow.tracking.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** Capital injected into the project, as an officer reports it. */
public record Injection(BigDecimal amount, String currency, LocalDate injectedOn) {

    public Injection {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(injectedOn, "injectedOn");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("an injected amount must be positive");
        }
    }
}
