package org.investflow.negotiation.negotiation;

import java.time.Instant;
import java.util.Objects;

/**
 * An agreement whose contract fell through, kept in the negotiation's history when it reopened.
 *
 * @param agreement  the agreement as it was reached
 * @param cause      {@code DECLINED}, {@code EXPIRED} or {@code VOIDED}
 * @param reason     the decliner's or voiding officer's reason, or which signer's deadline passed
 * @param envelopeId the envelope whose outcome reopened the negotiation
 */
public record Reopening(Agreement agreement, String cause, String reason, String envelopeId, Instant reopenedAt) {

    public Reopening {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(reopenedAt, "reopenedAt");
    }
}
