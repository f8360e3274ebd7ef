package org.investflow.intake.intention.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.investflow.intake.intention.IntentionDraft;
import org.investflow.intake.intention.InvestmentType;

/** The intention form saved part-way: every field optional, but what is there has the right shape. */
public record DraftRequest(
        @Size(max = 200) String companyName,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
        @Size(max = 50) String registrationNumber,
        @Size(max = 200) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String website,
        @Size(max = 100) String contactName,
        @Email @Size(max = 200) String contactEmail,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +4930123456") String contactPhone,
        @Pattern(regexp = "[A-U][0-9]{2}", message = "must be an ISIC Rev.4 division such as C29") String industryCode,
        InvestmentType investmentType,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 2) BigDecimal plannedAmount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
        @Min(0) @Max(1_000_000) Integer plannedJobs,
        @Size(max = 100) String district,
        LocalDate expectedStart,
        @Size(max = 4000) String description) {

    IntentionDraft toDraft() {
        return new IntentionDraft(strip(companyName), country, strip(registrationNumber), website, strip(contactName),
                strip(contactEmail), contactPhone, industryCode, investmentType, plannedAmount, currency, plannedJobs,
                strip(district), expectedStart, strip(description));
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
