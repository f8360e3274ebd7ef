package org.investflow.tracking.project.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.investflow.tracking.project.Injection;

/**
 * An officer's report that capital arrived in the project: the amount as a JSON number, the ISO 4217
 * currency (the project refuses any but the committed one) and the ISO day it arrived.
 */
public record CapitalInjectionRequest(
        @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency,
        @NotNull @PastOrPresent LocalDate injectedOn) {

    Injection toInjection() {
        return new Injection(amount, currency, injectedOn);
    }
}
