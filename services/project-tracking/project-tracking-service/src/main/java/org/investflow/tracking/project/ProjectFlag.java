package org.investflow.tracking.project;

/** Something about a project a reviewer should look at; derived from its record, never set by hand. */
public enum ProjectFlag {
    /** More capital was realised than the contract committed: plausible (a capital increase) but to be checked. */
    CAPITAL_EXCEEDED,
    /** The landing deadline passed with milestones of the landing rule still without evidence (see {@code overdue}). */
    DELAYED
}
