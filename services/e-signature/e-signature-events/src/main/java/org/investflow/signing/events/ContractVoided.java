package org.investflow.signing.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * The envelope was voided before it was executed: by an officer with a reason, or by the system
 * because a newer agreement on the case superseded the one it was drafted from.
 *
 * @param termsFingerprint         the fingerprint of the agreed terms the voided contract was drafted from
 * @param reason                   the officer's reason, or {@code SUPERSEDED}
 * @param supersededByFingerprint  the fingerprint of the newer agreement, when superseded; otherwise null
 */
public record ContractVoided(String caseId, String investorId, String envelopeId, String termsFingerprint,
                             String reason, String supersededByFingerprint, Instant occurredAt, Actor actor)
        implements SigningEvent {

    /** The reason of a void caused by a newer agreement on the same case. */
    public static final String SUPERSEDED = "SUPERSEDED";

    public ContractVoided {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(termsFingerprint, "termsFingerprint");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
