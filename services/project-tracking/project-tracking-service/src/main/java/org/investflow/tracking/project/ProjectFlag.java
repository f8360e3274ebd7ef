package org.investflow.tracking.project;

import java.util.EnumSet;
import java.util.Set;

/** Something about a project a reviewer should look at; derived from its record, never set by hand. */
public enum ProjectFlag {
    /** More capital was realised than the contract committed: plausible (a capital increase) but to be checked. */
    CAPITAL_EXCEEDED,
    /** The landing deadline passed with milestones of the landing rule still without evidence (see {@code overdue}). */
    DELAYED;

    /** The flags that hold. */
    static Set<ProjectFlag> of(boolean capitalExceeded, boolean delayed) {
        Set<ProjectFlag> flags = EnumSet.noneOf(ProjectFlag.class);
        if (capitalExceeded) {
            flags.add(CAPITAL_EXCEEDED);
        }
        if (delayed) {
            flags.add(DELAYED);
        }
        return flags;
    }
}
