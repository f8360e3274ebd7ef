package org.investflow.intake.intention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.investflow.intake.reference.ReferenceData;
import org.investflow.intake.screening.Screening;
import org.investflow.platform.domain.InvalidInputException;

/**
 * The form's rules that need the shipped reference data, the rate table or the clock: a known ISIC
 * division and district, a real country and currency the commission accepts, an amount within sane
 * bounds for its currency, and a start that is not in the past. Field shape (lengths, patterns) is
 * checked at the web edge.
 */
public final class IntentionForm {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final ReferenceData reference;
    private final Screening screening;
    private final Clock clock;

    public IntentionForm(ReferenceData reference, Screening screening, Clock clock) {
        this.reference = reference;
        this.screening = screening;
        this.clock = clock;
    }

    /** Refuses {@code details} naming every field that breaks a rule. */
    public IntentionDetails check(IntentionDetails details) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!COUNTRIES.contains(details.country())) {
            errors.put("country", "is not an ISO 3166-1 alpha-2 country code");
        }
        if (reference.industry(details.industryCode()).isEmpty()) {
            errors.put("industryCode", "is not an ISIC Rev.4 division (section letter + two digits, e.g. C29)");
        }
        if (reference.district(details.district()).isEmpty()) {
            errors.put("district", "is not a district or development zone of the city (see /api/reference/districts)");
        }
        checkMoney(details, errors);
        if (details.expectedStart() != null && details.expectedStart().isBefore(LocalDate.now(clock))) {
            errors.put("expectedStart", "must not be in the past");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return details;
    }

    private void checkMoney(IntentionDetails details, Map<String, String> errors) {
        if (!isIsoCurrency(details.currency())) {
            errors.put("currency", "is not an ISO 4217 currency code");
        } else if (screening.inReportingCurrency(details.planned()).isEmpty()) {
            errors.put("currency", "is not a currency the commission accepts");
        } else if (!screening.plausible(details.planned())) {
            errors.put("plannedAmount", "is beyond what an intention can plausibly plan");
        }
    }

    private static boolean isIsoCurrency(String code) {
        try {
            return Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
