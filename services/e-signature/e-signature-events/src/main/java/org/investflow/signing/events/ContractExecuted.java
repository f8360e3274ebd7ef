package org.investflow.signing.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 * @param tranches         the agreed capital schedule in {@code currency}, in order of due date; empty when
 *                         not scheduled; null only in events written before the schedule was carried
 * @param milestoneDeadlines the agreed milestone deadlines, or null when none were agreed
 */
public record ContractExecuted(String caseId, String investorId, String officerId, String envelopeId, String documentHash,
                               String termsFingerprint, BigDecimal investmentAmount, String currency, int jobs,
                               LocalDate landingDeadline, List<Tranche> tranches, MilestoneDeadlines milestoneDeadlines,
                               Instant occurredAt, Actor actor) implements SigningEvent {

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
        tranches = tranches == null ? null : List.copyOf(tranches);
    }

    /** An execution without the agreed schedule and deadlines, as the first version of the event carried it. */
    public ContractExecuted(String caseId, String investorId, String officerId, String envelopeId, String documentHash,
                            String termsFingerprint, BigDecimal investmentAmount, String currency, int jobs,
                            LocalDate landingDeadline, Instant occurredAt, Actor actor) {
        this(caseId, investorId, officerId, envelopeId, documentHash, termsFingerprint, investmentAmount, currency, jobs,
                landingDeadline, List.of(), null, occurredAt, actor);
    }
}
