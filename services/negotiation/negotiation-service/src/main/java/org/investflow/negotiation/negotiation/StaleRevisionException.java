package org.investflow.negotiation.negotiation;

import org.investflow.platform.domain.DomainException;

/** The caller acted on a revision of the negotiation that has since changed ({@code If-Match} did not match). */
public class StaleRevisionException extends DomainException {

    public StaleRevisionException(String caseId, long expected, long current) {
        super("negotiation " + caseId + " is at revision " + current + ", not " + expected + "; read it again");
    }
}
