package org.investflow.tracking.project;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Which milestones of the landing rule a project still owes, and which of them are overdue: past their due day
 * ({@link Commitment#dueBy}: the contract's own deadline, else the landing deadline) in the commission's zone.
 */
record DelayCheck(LandingRule rule, Commitment commitment) {

    /** The milestones of the rule not among {@code achieved}, in the commission's order. */
    List<Milestone> missing(Collection<Milestone> achieved) {
        return rule.requires().stream().filter(milestone -> !achieved.contains(milestone)).sorted().toList();
    }

    /** Of the milestones {@code missing}, those whose due day lies before {@code today}. */
    List<Milestone> overdue(List<Milestone> missing, LocalDate today) {
        return missing.stream().filter(milestone -> today.isAfter(commitment.dueBy(milestone))).toList();
    }
}
