package org.investflow.tracking.project;

import java.time.LocalDate;
import java.util.Objects;

import org.investflow.platform.domain.Money;

/** Capital injected into the project, as an officer reports it: a positive amount and the day it arrived. */
public record Injection(Money amount, LocalDate injectedOn) {

    public Injection {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(injectedOn, "injectedOn");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("an injected amount must be positive");
        }
    }
}
