package org.investflow.signing.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.investflow.platform.events.Actor;

/**
 * Every signer signed: the contract is executed and binding. Carries the committed figures so
 * project tracking can start the project without calling e-signature.
 *
 * @param documentHash     SHA-256 (64 lowercase hex) of the sealed executed contract PDF, exactly as
 *                         e-signature's executed-contract download returns it
 * @param investmentAmount exact decimal amount in {@code currency} (ISO 4217)
 * @param jobs             jobs the investor committed to create
 * @param landingDeadline  the day by which the project must have landed
 */
public record ContractExecuted(String caseId, String investorId, String officerId, String envelopeId, String documentHash,
                               String termsFingerprint, BigDecimal investmentAmount, String currency, int jobs,
                               LocalDate landingDeadline, Instant occurredAt, Actor actor) implements SigningEvent {

    public ContractExecuted {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(officerId, "officerId");
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(documentHash, "documentHash");
        Objects.requireNonNull(termsFingerprint, "termsFingerprint");
        Objects.requireNonNull(investmentAmount, "investmentAmount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(landingDeadline, "landingDeadline");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }
}
