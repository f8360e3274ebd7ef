package org.investflow.negotiation.negotiation.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.investflow.negotiation.events.Terms;

/** A term sheet as the officer's desk sends it. */
public record ProposeTermsRequest(
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 2) BigDecimal investmentAmount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
        @NotNull @Min(0) @Max(1_000_000) Integer jobs,
        @NotNull @NotBeforeToday LocalDate landingDeadline) {

    Terms toTerms() {
        return new Terms(investmentAmount, currency, jobs, landingDeadline);
    }
}
