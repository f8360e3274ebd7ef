package org.investflow.intake.intention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.investflow.intake.events.IntentionScreened;
import org.investflow.intake.events.ScreeningReason;
import org.investflow.intake.screening.ScreeningResult;
import org.investflow.platform.events.Actor;

/**
 * What screening concluded about an intention and the flags raised on it later (e.g. OVERDUE): the
 * markers officers filter their queue by.
 */
public class ScreeningRecord {

    private ScreeningResult result;
    private List<String> raised = new ArrayList<>();

    /** Keeps the latest screening's result; the intention is screened again when updated. */
    void take(ScreeningResult result) {
        this.result = result;
    }

    /** Raises a flag once; true when it was not raised before. */
    boolean raise(ScreeningResult.Flag flag) {
        if (raised.contains(flag.name())) {
            return false;
        }
        raised.add(flag.name());
        return true;
    }

    /** The latest screening's result, or null before the first (a draft). */
    ScreeningResult result() {
        return result;
    }

    /** Screening's flags and the raised ones, each once, sorted. */
    List<String> flags() {
        List<String> all = new ArrayList<>(raised);
        if (result != null) {
            result.flags().stream().map(Enum::name).forEach(all::add);
        }
        return all.stream().distinct().sorted().toList();
    }

    /** The event telling what screening concluded and to whom the case went. */
    static IntentionScreened screened(String caseId, String investorId, ScreeningResult result, String officerId,
                                      Instant now) {
        return new IntentionScreened(caseId, investorId, result.outcome().name(),
                result.flags().stream().map(Enum::name).sorted().toList(),
                result.reasons().stream().map(reason -> new ScreeningReason(reason.rule(), reason.detail())).toList(),
                result.duplicateOf(), result.reportingAmount(), result.reportingCurrency(), officerId, now, Actor.SYSTEM);
    }
}
