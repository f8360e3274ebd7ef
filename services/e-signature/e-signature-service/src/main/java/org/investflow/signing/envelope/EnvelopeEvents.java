package org.investflow.signing.envelope;

import java.time.Instant;
import java.util.List;

import org.investflow.platform.events.Actor;
import org.investflow.signing.events.ContractDeclined;
import org.investflow.signing.events.ContractDrafted;
import org.investflow.signing.events.ContractExecuted;
import org.investflow.signing.events.ContractExpired;
import org.investflow.signing.events.ContractVoided;
import org.investflow.signing.events.EnvelopeSent;
import org.investflow.signing.events.SignatureRecorded;
import org.investflow.signing.events.SignerViewed;
import org.investflow.signing.events.SigningEvent;

/**
 * Writes the events of one envelope: every one names the case, its investor, the envelope and, where
 * the contract says so, the fingerprint of the agreed terms; the callers add what happened, when and
 * by whom. Keeps the aggregate's command methods about the change rather than the event shapes.
 */
record EnvelopeEvents(String caseId, String investorId, String envelopeId, String termsFingerprint) {

    /** The contract was drafted from agreement {@code agreementId} as {@code documentHash} and sent to its signers. */
    List<SigningEvent> sent(String agreementId, String documentHash, Instant now) {
        return List.of(
                new ContractDrafted(caseId, investorId, envelopeId, agreementId, documentHash, termsFingerprint, now, Actor.SYSTEM),
                new EnvelopeSent(caseId, investorId, envelopeId, documentHash, termsFingerprint, now, Actor.SYSTEM));
    }

    List<SigningEvent> viewed(Signer place, String documentHash, Instant now, Actor viewer) {
        return List.of(new SignerViewed(caseId, investorId, envelopeId, place.order(), place.role().name(), documentHash, now, viewer));
    }

    List<SigningEvent> signed(Signer place, Instant now, Actor signer) {
        return List.of(new SignatureRecorded(caseId, investorId, envelopeId, place.order(), place.role().name(), signer.id(), now, signer));
    }

    /** The contract, sealed as {@code executedDocumentHash}, was executed on {@code terms} for the case's {@code officerId}. */
    List<SigningEvent> executed(String officerId, String executedDocumentHash, AgreedTerms terms, Instant now, Actor lastSigner) {
        return List.of(new ContractExecuted(caseId, investorId, officerId, envelopeId, executedDocumentHash, termsFingerprint,
                terms.investment().amount(), terms.investment().currency(), terms.jobs(), terms.landingDeadline(), terms.capitalSchedule(),
                terms.milestones(), now, lastSigner));
    }

    List<SigningEvent> declined(Signer place, String reason, Instant now, Actor signer) {
        return List.of(new ContractDeclined(caseId, investorId, envelopeId, termsFingerprint, place.role().name(), reason, now, signer));
    }

    List<SigningEvent> voided(String reason, String supersededBy, Instant now, Actor actor) {
        return List.of(new ContractVoided(caseId, investorId, envelopeId, termsFingerprint, reason, supersededBy, now, actor));
    }

    List<SigningEvent> expired(Signer overdue, Instant now) {
        return List.of(new ContractExpired(caseId, investorId, envelopeId, termsFingerprint, overdue.role().name(), overdue.deadline(), now,
                Actor.SYSTEM));
    }
}
