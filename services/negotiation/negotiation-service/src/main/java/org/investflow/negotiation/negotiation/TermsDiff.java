package org.investflow.negotiation.negotiation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.investflow.negotiation.events.Incentive;
import org.investflow.negotiation.events.Land;
import org.investflow.negotiation.events.MilestoneDeadlines;
import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.events.Tranche;

/**
 * What changed from one version to another, term by term: machine-readable {@link Change}s with a
 * field path ({@code capitalSchedule[1].amount}, {@code incentives.SUBSIDY.value}) and a text a
 * person reads. Amounts compare by value ({@code 100} = {@code 100.00}).
 */
public record TermsDiff(int from, int to, List<Change> changes) {

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
        return new TermsDiff(from.version(), to.version(), List.copyOf(changes));
    }

    /** The diff as lines a person reads. */
    public String text() {
        if (changes.isEmpty()) {
            return "Version " + to + " has the same terms as version " + from + ".";
        }
        return "Changes from version " + from + " to version " + to + ":\n" + changes.stream().map(change -> switch (change.kind()) {
            case "ADDED" -> "+ " + change.field() + ": " + change.after();
            case "REMOVED" -> "- " + change.field() + ": " + change.before();
            default -> "~ " + change.field() + ": " + change.before() + " → " + change.after();
        }).collect(Collectors.joining("\n"));
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
