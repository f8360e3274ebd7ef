package org.investflow.intake.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * The intention was rejected: by its officer, or by screening when its industry is prohibited.
 *
 * @param reasonCode from the controlled list (e.g. {@code NEGATIVE_LIST}, {@code INCOMPLETE_INFORMATION})
 * @param reason     the text the investor is told
 */
public record IntentionRejected(String caseId, String investorId, String reasonCode, String reason, Instant occurredAt,
                                Actor actor)
        implements IntakeEvent {

    public IntentionRejected {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
