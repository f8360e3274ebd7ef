package org.investflow.tracking.project.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.investflow.platform.domain.Money;
import org.investflow.tracking.project.Correction;
import org.investflow.tracking.project.Injection;

/**
 * An officer's report that capital arrived in the project: the amount as a JSON number, the ISO 4217
 * currency (the project refuses any but the committed one) and the ISO day it arrived. With
 * {@code supersedes} (an entry id) and {@code reason} it corrects that injection instead of adding one.
 */
public record CapitalInjectionRequest(
        @NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency,
        @NotNull @PastOrPresent LocalDate injectedOn,
        @Pattern(regexp = Corrections.ENTRY_ID, message = Corrections.ENTRY_ID_MESSAGE) String supersedes,
        @Size(min = 1, max = 500) String reason) {

    Injection toInjection() {
        return new Injection(Money.of(amount, currency), injectedOn);
    }

    /** The correction this request makes, or null for a new injection. */
    Correction correction() {
        return Corrections.of(supersedes, reason);
    }
}
