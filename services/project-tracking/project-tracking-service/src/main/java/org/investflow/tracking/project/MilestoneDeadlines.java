package org.investflow.tracking.project;

import java.time.LocalDate;

/**
 * The days by which the executed contract wants each milestone reached; any may be open (null). Land
 * rights are kept as agreed, although the commission records no milestone for them (nothing checks them).
 */
public record MilestoneDeadlines(LocalDate businessRegistration, LocalDate landRights, LocalDate constructionStart,
                                 LocalDate firstCapitalInjection, LocalDate operationStart) {

    /** The contract's own deadline for {@code milestone}; null when it has none. */
    LocalDate of(Milestone milestone) {
        return switch (milestone) {
            case BUSINESS_REGISTERED -> businessRegistration;
            case CONSTRUCTION_STARTED -> constructionStart;
            case CAPITAL_INJECTED -> firstCapitalInjection;
            case OPERATION_STARTED -> operationStart;
        };
    }
}
