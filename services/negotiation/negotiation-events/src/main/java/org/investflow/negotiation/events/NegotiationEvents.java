package org.investflow.negotiation.events;

import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;

/** Topic, CloudEvents source and type strings of negotiation's events. */
public final class NegotiationEvents {

    public static final String TOPIC = "negotiation.events";
    public static final String NEGOTIATION_OPENED = "org.investflow.negotiation.negotiation-opened.v1";
    public static final String TERMS_PROPOSED = "org.investflow.negotiation.terms-proposed.v1";
    public static final String AGREEMENT_REACHED = "org.investflow.negotiation.agreement-reached.v1";
    public static final String APPROVAL_REQUESTED = "org.investflow.negotiation.approval-requested.v1";
    public static final String APPROVAL_DECIDED = "org.investflow.negotiation.approval-decided.v1";
    public static final String APPROVAL_ESCALATED = "org.investflow.negotiation.approval-escalated.v1";
    public static final String NEGOTIATION_FAILED = "org.investflow.negotiation.negotiation-failed.v1";
    public static final String NEGOTIATION_REOPENED = "org.investflow.negotiation.negotiation-reopened.v1";

    public static final EventCatalog CATALOG = EventCatalog.of(TOPIC, "/investflow/negotiation",
            new EventType<>(NEGOTIATION_OPENED, NegotiationOpened.class),
            new EventType<>(TERMS_PROPOSED, TermsProposed.class),
            new EventType<>(AGREEMENT_REACHED, AgreementReached.class),
            new EventType<>(APPROVAL_REQUESTED, ApprovalRequested.class),
            new EventType<>(APPROVAL_DECIDED, ApprovalDecided.class),
            new EventType<>(APPROVAL_ESCALATED, ApprovalEscalated.class),
            new EventType<>(NEGOTIATION_FAILED, NegotiationFailed.class),
            new EventType<>(NEGOTIATION_REOPENED, NegotiationReopened.class));

    private NegotiationEvents() {
    }
}
