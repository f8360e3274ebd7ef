package org.investflow.tracking.project;

import java.util.Objects;

/** Who a project belongs to: the investor who owns the case and the case officer it is assigned to. */
record ProjectParties(String investorId, String officerId) {

    ProjectParties {
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(officerId, "officerId");
    }
}
