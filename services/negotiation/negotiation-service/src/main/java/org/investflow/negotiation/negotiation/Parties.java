package org.investflow.negotiation.negotiation;

import java.util.Objects;

import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.events.Actor;

/**
 * Who sits at the table: the investor who owns the case and the case officer it is assigned to. Anyone
 * else acting as investor is answered as if the case did not exist; another officer may read but not act.
 */
public record Parties(String investorId, String officerId) {

    public Parties {
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(officerId, "officerId");
    }

    /** Refuses anyone but the owning investor and the assigned officer. */
    void require(Actor party, String caseId) {
        if (party.actsAsInvestor() && !isOwnedBy(party.id())) {
            throw new NotFoundException("negotiation", caseId);
        }
        if (!party.actsAsInvestor() && !isAssignedTo(party.id())) {
            throw new ForbiddenException("negotiation " + caseId + " is assigned to another case officer");
        }
    }

    boolean isOwnedBy(String userId) {
        return investorId.equals(userId);
    }

    boolean isAssignedTo(String userId) {
        return officerId.equals(userId);
    }
}
