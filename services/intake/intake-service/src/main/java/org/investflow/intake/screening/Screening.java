package org.investflow.intake.screening;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.investflow.intake.screening.NegativeList.Entry;
import org.investflow.intake.screening.ScreeningResult.Flag;
import org.investflow.intake.screening.ScreeningResult.Outcome;
import org.investflow.intake.screening.ScreeningResult.Reason;

/**
 * The screening rules, as a pure function of the intention and what the database knows (an earlier
 * duplicate): the negative list (prohibited → rejected citing the item; restricted → officer review
 * naming the restriction), duplicates (linked, never merged) and the major-project threshold in the
 * reporting currency.
 */
public final class Screening {

    private final NegativeList negativeList;
    private final ScreeningProperties settings;

    public Screening(NegativeList negativeList, ScreeningProperties settings) {
        this.negativeList = negativeList;
        this.settings = settings;
    }

    /**
     * Screens an intention in {@code division} planning {@code amount} of {@code currency}.
     *
     * @param duplicateOf an earlier case of the same company, industry and district within the window
     */
    public ScreeningResult screen(String division, BigDecimal amount, String currency, Optional<String> duplicateOf) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        List<Reason> reasons = new ArrayList<>();
        Optional<Entry> listed = negativeList.strictestFor(division);
        listed.ifPresent(entry -> reasons.add(listed(entry, flags)));
        duplicateOf.ifPresent(earlier -> reasons.add(duplicate(earlier, flags)));
        BigDecimal reporting = toReporting(amount, currency);
        if (reporting.compareTo(settings.majorProjectThreshold()) >= 0) {
            flags.add(Flag.MAJOR_PROJECT);
            reasons.add(new Reason("major-project", money(reporting) + " reaches the major-project threshold of "
                    + money(settings.majorProjectThreshold())));
        }
        return new ScreeningResult(outcome(listed, flags), flags, reasons, duplicateOf.orElse(null), reporting,
                settings.reportingCurrency());
    }

    /** The amount in the reporting currency, or empty for a currency without a rate. */
    public Optional<BigDecimal> reportingAmount(BigDecimal amount, String currency) {
        return Optional.ofNullable(settings.ratesToReporting().get(currency))
                .map(rate -> amount.multiply(rate).setScale(2, RoundingMode.HALF_EVEN));
    }

    /** Whether the amount is within what an intention can plausibly plan. */
    public boolean plausible(BigDecimal amount, String currency) {
        return reportingAmount(amount, currency).filter(value -> value.compareTo(settings.maximumAmount()) <= 0).isPresent();
    }

    private BigDecimal toReporting(BigDecimal amount, String currency) {
        return reportingAmount(amount, currency)
                .orElseThrow(() -> new IllegalArgumentException("no rate for " + currency));
    }

    private Reason listed(Entry entry, Set<Flag> flags) {
        String rule = "negative-list-" + negativeList.version() + "#" + entry.item();
        if (entry.measure() == NegativeList.Measure.PROHIBITED) {
            return new Reason(rule, "Prohibited for foreign investment: " + entry.text());
        }
        flags.add(Flag.RESTRICTED);
        return new Reason(rule, "Restricted: " + entry.restriction() + ". " + entry.text());
    }

    private Reason duplicate(String earlier, Set<Flag> flags) {
        flags.add(Flag.DUPLICATE);
        return new Reason("duplicate", "Same company, industry and district as case " + earlier + " within "
                + settings.duplicateWindow().toDays() + " days; linked, not merged.");
    }

    private static Outcome outcome(Optional<Entry> listed, Set<Flag> flags) {
        if (listed.filter(entry -> entry.measure() == NegativeList.Measure.PROHIBITED).isPresent()) {
            return Outcome.PROHIBITED;
        }
        return flags.contains(Flag.RESTRICTED) || flags.contains(Flag.DUPLICATE) ? Outcome.REVIEW : Outcome.CLEARED;
    }

    private String money(BigDecimal value) {
        return settings.reportingCurrency() + " " + NumberFormat.getNumberInstance(Locale.ROOT).format(value);
    }
}
