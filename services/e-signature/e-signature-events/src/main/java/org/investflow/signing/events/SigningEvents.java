package org.investflow.signing.events;

import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;

/** Topic, CloudEvents source and type strings of e-signature's events. */
public final class SigningEvents {

    public static final String TOPIC = "signing.events";
    public static final String ENVELOPE_SENT = "org.investflow.signing.envelope-sent.v1";
    public static final String SIGNATURE_RECORDED = "org.investflow.signing.signature-recorded.v1";
    public static final String CONTRACT_EXECUTED = "org.investflow.signing.contract-executed.v1";

    public static final EventCatalog CATALOG = EventCatalog.of(TOPIC, "/investflow/e-signature",
            new EventType<>(ENVELOPE_SENT, EnvelopeSent.class),
            new EventType<>(SIGNATURE_RECORDED, SignatureRecorded.class),
            new EventType<>(CONTRACT_EXECUTED, ContractExecuted.class));

    private SigningEvents() {
    }
}
