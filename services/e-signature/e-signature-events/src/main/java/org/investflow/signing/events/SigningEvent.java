package org.investflow.signing.events;

import org.investflow.platform.events.CaseEvent;

/** An event of a contract envelope's life in e-signature. */
public sealed interface SigningEvent extends CaseEvent permits ContractDrafted, EnvelopeSent, SignerViewed,
        SignatureRecorded, ContractExecuted, ContractDeclined, ContractExpired, ContractVoided {

    /** The investor who owns the case. */
    String investorId();

    /** The envelope the event is about. */
    String envelopeId();
}
