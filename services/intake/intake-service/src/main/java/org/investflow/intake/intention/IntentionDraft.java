package org.investflow.intake.intention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.investflow.platform.domain.InvalidInputException;

/**
 * An intention form saved part-way: any field may still be missing. Submitting it requires every
 * field the form requires.
 */
public record IntentionDraft(String companyName, String country, String registrationNumber, String website,
                             String contactName, String contactEmail, String contactPhone, String industryCode,
                             InvestmentType investmentType, BigDecimal plannedAmount, String currency, Integer plannedJobs,
                             String district, LocalDate expectedStart, String description) {

    /** The complete form, or a refusal naming every required field still missing. */
    public IntentionDetails complete() {
        Map<String, String> missing = new LinkedHashMap<>();
        require(missing, "companyName", companyName);
        require(missing, "country", country);
        require(missing, "registrationNumber", registrationNumber);
        require(missing, "contactName", contactName);
        require(missing, "contactEmail", contactEmail);
        require(missing, "contactPhone", contactPhone);
        require(missing, "industryCode", industryCode);
        require(missing, "investmentType", investmentType);
        require(missing, "plannedAmount", plannedAmount);
        require(missing, "currency", currency);
        require(missing, "plannedJobs", plannedJobs);
        require(missing, "district", district);
        require(missing, "expectedStart", expectedStart);
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        return new IntentionDetails(companyName, country, registrationNumber, website, contactName, contactEmail,
                contactPhone, industryCode, investmentType, plannedAmount, currency, plannedJobs, district, expectedStart,
                description == null ? "" : description);
    }

    private static void require(Map<String, String> missing, String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            missing.put(field, "is required to submit the intention");
        }
    }
}
