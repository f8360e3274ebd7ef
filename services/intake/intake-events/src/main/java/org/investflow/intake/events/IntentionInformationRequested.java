package org.investflow.intake.events;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/** The assigned officer asked the investor for more information before deciding. */
public record IntentionInformationRequested(String caseId, String investorId, String officerId, String message,
                                            Instant occurredAt, Actor actor) implements IntakeEvent {

    public IntentionInformationRequested {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
