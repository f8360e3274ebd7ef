package org.investflow.intake.intention.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.investflow.intake.intention.IntentionDetails;
import org.investflow.intake.intention.InvestmentType;

/**
 * The intention form as the investor's portal sends it. Shape is checked here; codes against the
 * shipped reference data, amounts against the rate table and dates against the clock are checked by
 * {@code IntentionForm}.
 */
public record SubmitIntentionRequest(
        @NotBlank @Size(max = 200) String companyName,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
        @NotBlank @Size(max = 50) String registrationNumber,
        @Size(max = 200) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String website,
        @NotBlank @Size(max = 100) String contactName,
        @NotBlank @Email @Size(max = 200) String contactEmail,
        @NotNull @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +4930123456") String contactPhone,
        @NotNull @Pattern(regexp = "[A-U][0-9]{2}", message = "must be an ISIC Rev.4 division such as C29") String industryCode,
        @NotNull InvestmentType investmentType,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 2) BigDecimal plannedAmount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
        @Min(0) @Max(1_000_000) int plannedJobs,
        @NotBlank @Size(max = 100) String district,
        @NotNull LocalDate expectedStart,
        @Size(max = 4000) String description) {

    IntentionDetails toDetails() {
        return new IntentionDetails(companyName.strip(), country, registrationNumber.strip(), website,
                contactName.strip(), contactEmail.strip(), contactPhone, industryCode, investmentType, plannedAmount,
                currency, plannedJobs, district.strip(), expectedStart, description == null ? "" : description.strip());
    }
}
