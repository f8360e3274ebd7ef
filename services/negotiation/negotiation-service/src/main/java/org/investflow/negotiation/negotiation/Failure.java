package org.investflow.negotiation.negotiation;

import java.time.Instant;
import java.util.Objects;

/**
 * Why a negotiation ended without agreement.
 *
 * @param reason {@code WITHDRAWN} or {@code INACTIVE}
 * @param by     the withdrawing user, or {@code investflow} for inactivity
 */
public record Failure(String reason, String detail, String by, Instant at) {

    public Failure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
