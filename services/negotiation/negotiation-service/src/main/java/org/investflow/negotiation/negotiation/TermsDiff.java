package org.investflow.negotiation.negotiation;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.investflow.negotiation.events.Incentive;
import org.investflow.negotiation.events.Land;
import org.investflow.negotiation.events.MilestoneDeadlines;
import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.events.Tranche;

/**
 * What changed from one version to another, term by term: machine-readable {@link Change}s with a
 * field path ({@code capitalSchedule[1].amount}, {@code incentives.SUBSIDY.value}) and plain values, and
 * a text a person reads, one line per change, money with its currency ({@code EUR 120,000,000.00}) and
 * incentives with their unit. Amounts compare by value ({@code 100} = {@code 100.00}).
 *
 * @param fromCurrency the currency of the amounts of version {@code from}
 * @param toCurrency   the currency of the amounts of version {@code to}
 */
public record TermsDiff(int from, int to, List<Change> changes, String fromCurrency, String toCurrency) {

    /** Fields whose values are amounts of money in the term sheet's currency. */
    private static final Pattern MONEY = Pattern.compile("investmentAmount|capitalSchedule\\[\\d+]\\.amount|land\\.price"
            + "|incentives\\.SUBSIDY\\.value");

    /** One term that was added, removed or changed; {@code before}/{@code after} are null when absent. */
    public record Change(String field, String kind, String before, String after) {
    }

    static TermsDiff between(TermSheet from, TermSheet to) {
        Map<String, String> before = flatten(from.terms());
        Map<String, String> after = flatten(to.terms());
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            String a = before.get(field);
            String b = after.get(field);
            if (a == null || b == null || !a.equals(b)) {
                changes.add(new Change(field, a == null ? "ADDED" : b == null ? "REMOVED" : "CHANGED", a, b));
            }
        }
        return new TermsDiff(from.version(), to.version(), List.copyOf(changes), from.terms().currency(),
                to.terms().currency());
    }

    /**
     * The diff as lines a person reads: a heading, then one line per change, {@code + field: new} for an added
     * term, {@code - field: old} for a removed one and {@code ~ field: old → new} for a changed one.
     */
    public String text() {
        if (changes.isEmpty()) {
            return "Version " + to + " has the same terms as version " + from + ".";
        }
        return "Changes from version " + from + " to version " + to + ":\n" + changes.stream().map(change -> switch (change.kind()) {
            case "ADDED" -> "+ " + change.field() + ": " + readable(change.field(), change.after(), toCurrency);
            case "REMOVED" -> "- " + change.field() + ": " + readable(change.field(), change.before(), fromCurrency);
            default -> "~ " + change.field() + ": " + readable(change.field(), change.before(), fromCurrency) + " → "
                    + readable(change.field(), change.after(), toCurrency);
        }).collect(Collectors.joining("\n"));
    }

    private static String readable(String field, String value, String currency) {
        if (MONEY.matcher(field).matches()) {
            return currency + " " + grouped(value, "#,##0.00");
        }
        if (field.equals("land.areaSquareMetres")) {
            return grouped(value, "#,##0.##########") + " m²";
        }
        if (field.equals("incentives.TAX_REBATE.value")) {
            return value + " %";
        }
        return field.equals("incentives.RENT_FREE.value") || field.equals("land.leaseYears") ? value + " years" : value;
    }

    private static String grouped(String number, String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(new BigDecimal(number));
    }

    private static Map<String, String> flatten(Terms terms) {
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("investmentAmount", money(terms.investmentAmount()));
        flat.put("currency", terms.currency());
        flat.put("jobs", String.valueOf(terms.jobs()));
        flat.put("landingDeadline", terms.landingDeadline().toString());
        List<Tranche> tranches = terms.capitalSchedule();
        for (int i = 0; i < tranches.size(); i++) {
            flat.put("capitalSchedule[" + i + "].amount", money(tranches.get(i).amount()));
            flat.put("capitalSchedule[" + i + "].dueBy", tranches.get(i).dueBy().toString());
        }
        land(terms.land(), flat);
        for (Incentive incentive : terms.incentives()) {
            flat.put("incentives." + incentive.kind() + ".value", number(incentive.value()));
            flat.put("incentives." + incentive.kind() + ".policyBasis", incentive.policyBasis());
        }
        milestones(terms.milestones(), flat);
        for (int i = 0; i < terms.specialConditions().size(); i++) {
            flat.put("specialConditions[" + i + "]", terms.specialConditions().get(i));
        }
        return flat;
    }

    private static void land(Land land, Map<String, String> flat) {
        if (land == null) {
            return;
        }
        flat.put("land.areaSquareMetres", number(land.areaSquareMetres()));
        flat.put("land.district", land.district());
        flat.put("land.use", land.use());
        flat.put("land.tenure", land.tenure());
        putIfPresent(flat, "land.price", land.price() == null ? null : money(land.price()));
        putIfPresent(flat, "land.leaseYears", land.leaseYears() == null ? null : land.leaseYears().toString());
    }

    private static void milestones(MilestoneDeadlines m, Map<String, String> flat) {
        if (m == null) {
            return;
        }
        putIfPresent(flat, "milestones.businessRegistration", m.businessRegistration());
        putIfPresent(flat, "milestones.landRights", m.landRights());
        putIfPresent(flat, "milestones.constructionStart", m.constructionStart());
        putIfPresent(flat, "milestones.firstCapitalInjection", m.firstCapitalInjection());
        putIfPresent(flat, "milestones.operationStart", m.operationStart());
    }

    private static void putIfPresent(Map<String, String> flat, String field, Object value) {
        if (value != null) {
            flat.put(field, value.toString());
        }
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
