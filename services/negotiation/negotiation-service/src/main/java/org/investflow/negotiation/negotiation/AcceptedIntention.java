package org.investflow.negotiation.negotiation;

import org.investflow.intake.events.IntentionAccepted;
import org.investflow.platform.domain.RuleViolationException;

/**
 * What negotiation needs to know of an intention intake accepted: whose case it is, which officer
 * negotiates it and with which company. An accepted intention without these cannot be negotiated.
 */
public record AcceptedIntention(String caseId, String investorId, String officerId, String companyName) {

    public AcceptedIntention {
        requireText(caseId, "caseId");
        requireText(investorId, "investorId");
        requireText(officerId, "officerId");
        requireText(companyName, "companyName");
    }

    static AcceptedIntention of(IntentionAccepted accepted) {
        return new AcceptedIntention(accepted.caseId(), accepted.investorId(), accepted.officerId(), accepted.companyName());
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException("an accepted intention without " + name + " cannot open a negotiation");
        }
    }
}
