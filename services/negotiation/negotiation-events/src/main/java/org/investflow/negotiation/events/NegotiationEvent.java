package org.investflow.negotiation.events;

import org.investflow.platform.events.CaseEvent;

/** An event of a negotiation's life: opened, terms proposed, approvals, agreement reached, failure, reopening after a contract fell through. */
public sealed interface NegotiationEvent extends CaseEvent permits NegotiationOpened, TermsProposed, AgreementReached,
        ApprovalRequested, ApprovalDecided, ApprovalEscalated, NegotiationFailed, NegotiationReopened {

    /** The investor who owns the case. */
    String investorId();
}
