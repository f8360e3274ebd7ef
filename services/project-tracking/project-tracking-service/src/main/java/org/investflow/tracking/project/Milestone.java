package org.investflow.tracking.project;

/** What a project achieves on its way to landing and operating, as the commission records it. */
public enum Milestone {
    /** The investor's local company is registered with the market regulator. */
    BUSINESS_REGISTERED,
    /** Construction started on the project's site. */
    CONSTRUCTION_STARTED,
    /** Committed capital was injected (the first tranche is enough). */
    CAPITAL_INJECTED,
    /** The project started operating; only a landed project can. */
    OPERATION_STARTED;

    /** Whether recording this milestone means the project now operates rather than lands. */
    boolean marksOperation() {
        return this == OPERATION_STARTED;
    }
}
