package org.investflow.intake.intention.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.investflow.intake.intention.IntentionDetails;

/** The intention form as the investor's portal sends it. */
public record SubmitIntentionRequest(
        @NotBlank @Size(max = 200) String companyName,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
        @NotBlank @Size(max = 10) String industryCode,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 2) BigDecimal plannedAmount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
        @Min(0) @Max(1_000_000) int plannedJobs,
        @NotBlank @Size(max = 100) String district,
        @Size(max = 4000) String description) {

    IntentionDetails toDetails() {
        return new IntentionDetails(companyName.strip(), country, industryCode.strip(), plannedAmount, currency,
                plannedJobs, district.strip(), description == null ? "" : description.strip());
    }
}
