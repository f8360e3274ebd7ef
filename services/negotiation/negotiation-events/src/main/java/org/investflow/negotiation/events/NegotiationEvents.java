package org.investflow.negotiation.events;

import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;

/** Topic, CloudEvents source and type strings of negotiation's events. */
public final class NegotiationEvents {

    public static final String TOPIC = "negotiation.events";
    public static final String NEGOTIATION_OPENED = "org.investflow.negotiation.negotiation-opened.v1";
    public static final String TERMS_PROPOSED = "org.investflow.negotiation.terms-proposed.v1";
    public static final String AGREEMENT_REACHED = "org.investflow.negotiation.agreement-reached.v1";

    public static final EventCatalog CATALOG = EventCatalog.of(TOPIC, "/investflow/negotiation",
            new EventType<>(NEGOTIATION_OPENED, NegotiationOpened.class),
            new EventType<>(TERMS_PROPOSED, TermsProposed.class),
            new EventType<>(AGREEMENT_REACHED, AgreementReached.class));

    private NegotiationEvents() {
    }
}
