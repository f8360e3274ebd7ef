package org.investflow.signing.events;

import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;

/** Topic, CloudEvents source and type strings of e-signature's events. */
public final class SigningEvents {

    public static final String TOPIC = "signing.events";
    public static final String ENVELOPE_SENT = "org.investflow.signing.envelope-sent.v1";
    public static final String SIGNATURE_RECORDED = "org.investflow.signing.signature-recorded.v1";
    public static final String CONTRACT_EXECUTED = "org.investflow.signing.contract-executed.v1";
    public static final String CONTRACT_DECLINED = "org.investflow.signing.contract-declined.v1";
    public static final String CONTRACT_EXPIRED = "org.investflow.signing.contract-expired.v1";
    public static final String CONTRACT_VOIDED = "org.investflow.signing.contract-voided.v1";
    public static final String CONTRACT_DRAFTED = "org.investflow.signing.contract-drafted.v1";
    public static final String SIGNER_VIEWED = "org.investflow.signing.signer-viewed.v1";

    public static final EventCatalog CATALOG = EventCatalog.of(TOPIC, "/investflow/e-signature",
            new EventType<>(ENVELOPE_SENT, EnvelopeSent.class),
            new EventType<>(SIGNATURE_RECORDED, SignatureRecorded.class),
            new EventType<>(CONTRACT_EXECUTED, ContractExecuted.class),
            new EventType<>(CONTRACT_DECLINED, ContractDeclined.class),
            new EventType<>(CONTRACT_EXPIRED, ContractExpired.class),
            new EventType<>(CONTRACT_VOIDED, ContractVoided.class),
            new EventType<>(CONTRACT_DRAFTED, ContractDrafted.class),
            new EventType<>(SIGNER_VIEWED, SignerViewed.class));

    private SigningEvents() {
    }
}
