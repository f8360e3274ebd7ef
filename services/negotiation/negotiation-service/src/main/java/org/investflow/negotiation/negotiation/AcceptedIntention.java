package org.investflow.negotiation.negotiation;

import org.investflow.intake.events.IntentionAccepted;
import org.investflow.platform.domain.RuleViolationException;

/**
 * What negotiation needs to know of an intention intake accepted: whose case it is, which officer
 * negotiates it and with which company. An accepted intention without these cannot be negotiated.
 *
 * @param registrationNumber the company's registration number, kept for the contract's parties; null when intake
 *                           did not send it (acceptances of earlier releases)
 * @param country            the company's country (ISO 3166-1 alpha-2); null as {@code registrationNumber}
 */
public record AcceptedIntention(String caseId, String investorId, String officerId, String companyName,
                                String registrationNumber, String country) {

    public AcceptedIntention {
        requireText(caseId, "caseId");
        requireText(investorId, "investorId");
        requireText(officerId, "officerId");
        requireText(companyName, "companyName");
    }

    /** An accepted intention without the company's registration. */
    public AcceptedIntention(String caseId, String investorId, String officerId, String companyName) {
        this(caseId, investorId, officerId, companyName, null, null);
    }

    static AcceptedIntention of(IntentionAccepted accepted) {
        return new AcceptedIntention(accepted.caseId(), accepted.investorId(), accepted.officerId(), accepted.companyName(),
                accepted.registrationNumber(), accepted.country());
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException("an accepted intention without " + name + " cannot open a negotiation");
        }
    }
}
