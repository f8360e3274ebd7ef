package org.investflow.intake.screening;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What screening concluded about an intention, and why.
 *
 * @param outcome         CLEARED, REVIEW (an officer must look at a restriction or a duplicate) or PROHIBITED
 * @param flags           RESTRICTED, DUPLICATE, MAJOR_PROJECT
 * @param reasons         one per rule that fired, naming the rule
 * @param duplicateOf     the earlier case this one duplicates, or null
 * @param reportingAmount the planned amount in the reporting currency
 */
public record ScreeningResult(Outcome outcome, Set<Flag> flags, List<Reason> reasons, String duplicateOf,
                              BigDecimal reportingAmount, String reportingCurrency) {

    /** The overall verdict. */
    public enum Outcome { CLEARED, REVIEW, PROHIBITED }

    /** Markers officers filter their queue by and leadership watches. */
    public enum Flag { RESTRICTED, DUPLICATE, MAJOR_PROJECT, OVERDUE }

    /**
     * One fired rule.
     *
     * @param rule   e.g. {@code negative-list-2024#10}, {@code duplicate}, {@code major-project}
     * @param detail the explanation an officer and the investor can read
     */
    public record Reason(String rule, String detail) {
    }

    /** The rule name of the duplicate check's reason. */
    public static final String DUPLICATE_RULE = "duplicate";

    public ScreeningResult {
        flags = Set.copyOf(flags);
        reasons = List.copyOf(reasons);
    }

    /**
     * What the investor may see: a suspected duplicate is "under review" (outcome REVIEW) without the flag,
     * the reason or the linked case, which may be another investor's; staff see the link.
     */
    public ScreeningResult asSeenByInvestor() {
        if (!flags.contains(Flag.DUPLICATE)) {
            return this;
        }
        return new ScreeningResult(outcome, flags.stream().filter(flag -> flag != Flag.DUPLICATE).collect(Collectors.toSet()),
                reasons.stream().filter(reason -> !DUPLICATE_RULE.equals(reason.rule())).toList(), null,
                reportingAmount, reportingCurrency);
    }

    public boolean prohibited() {
        return outcome == Outcome.PROHIBITED;
    }
}
