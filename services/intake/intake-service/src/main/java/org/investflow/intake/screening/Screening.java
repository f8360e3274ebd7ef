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
import org.investflow.platform.domain.Money;

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
     * Screens an intention in {@code division} planning to invest {@code planned}.
     *
     * @param duplicateOf an earlier case of the same company, industry and district within the window
     */
    public ScreeningResult screen(String division, Money planned, Optional<String> duplicateOf) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        List<Reason> reasons = new ArrayList<>();
        Optional<Entry> listed = negativeList.strictestFor(division);
        listed.ifPresent(entry -> reasons.add(listed(entry, flags)));
        duplicateOf.ifPresent(earlier -> reasons.add(duplicate(earlier, flags)));
        Money reporting = toReporting(planned);
        Money threshold = inReporting(settings.majorProjectThreshold());
        if (reporting.isAtLeast(threshold)) {
            flags.add(Flag.MAJOR_PROJECT);
            reasons.add(new Reason("major-project", money(reporting) + " reaches the major-project threshold of "
                    + money(threshold)));
        }
        return new ScreeningResult(outcome(listed, flags), flags, reasons, duplicateOf.orElse(null), reporting.amount(),
                reporting.currency());
    }

    /** The amount in the reporting currency, or empty for a currency without a rate. */
    public Optional<Money> inReportingCurrency(Money planned) {
        return Optional.ofNullable(settings.ratesToReporting().get(planned.currency()))
                .map(rate -> inReporting(planned.amount().multiply(rate).setScale(2, RoundingMode.HALF_EVEN)));
    }

    /** Whether the amount is within what an intention can plausibly plan. */
    public boolean plausible(Money planned) {
        Money maximum = inReporting(settings.maximumAmount());
        return inReportingCurrency(planned).filter(maximum::isAtLeast).isPresent();
    }

    private Money toReporting(Money planned) {
        return inReportingCurrency(planned)
                .orElseThrow(() -> new IllegalArgumentException("no rate for " + planned.currency()));
    }

    private Money inReporting(BigDecimal amount) {
        return Money.of(amount, settings.reportingCurrency());
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
        return new Reason(ScreeningResult.DUPLICATE_RULE, "Same company, industry and district as case " + earlier + " within "
                + settings.duplicateWindow().toDays() + " days; linked, not merged.");
    }

    private static Outcome outcome(Optional<Entry> listed, Set<Flag> flags) {
        if (listed.filter(entry -> entry.measure() == NegativeList.Measure.PROHIBITED).isPresent()) {
            return Outcome.PROHIBITED;
        }
        return flags.contains(Flag.RESTRICTED) || flags.contains(Flag.DUPLICATE) ? Outcome.REVIEW : Outcome.CLEARED;
    }

    private static String money(Money value) {
        return value.currency() + " " + NumberFormat.getNumberInstance(Locale.ROOT).format(value.amount());
    }
}
