package org.investflow.negotiation.events;

import org.investflow.platform.events.CaseEvent;

/** An event of a negotiation's life: opened, terms proposed, agreement reached. */
public sealed interface NegotiationEvent extends CaseEvent permits NegotiationOpened, TermsProposed, AgreementReached {

    /** The investor who owns the case. */
    String investorId();
}
