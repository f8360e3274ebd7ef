package org.investflow.intake.intention;

/** The controlled list of reasons an intention is rejected for (free text adds the specifics). */
public enum RejectionReason {
    /** The industry is prohibited for foreign investment (set by screening). */
    NEGATIVE_LIST,
    INCOMPLETE_INFORMATION,
    NOT_PLAUSIBLE,
    DUPLICATE,
    OUT_OF_SCOPE,
    INVESTOR_UNRESPONSIVE,
    OTHER
}
