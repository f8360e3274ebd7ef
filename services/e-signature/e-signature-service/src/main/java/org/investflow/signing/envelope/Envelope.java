package org.investflow.signing.envelope;

import java.time.Instant;
import java.util.List;

import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.investflow.signing.audit.AuditAction;
import org.investflow.signing.audit.AuditChain;
import org.investflow.signing.audit.AuditEntry;
import org.investflow.signing.audit.Origin;
import org.investflow.signing.contract.ContractParticulars;
import org.investflow.signing.contract.SignatureLine;
import org.investflow.signing.events.ContractExecuted;
import org.investflow.signing.events.EnvelopeSent;
import org.investflow.signing.events.SignatureRecorded;
import org.investflow.signing.events.SigningEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The contract of one agreement, sent to its signers in a fixed order: first the investor's
 * signatory (the investor who owns the case), then the commission's representative (the officer the
 * case is assigned to). One envelope per case and agreement. Commands return the events they caused;
 * the application service stores them with the envelope.
 */
@Document("envelopes")
@CompoundIndex(name = "agreement", def = "{'caseId': 1, 'agreementId': 1}", unique = true)
public class Envelope extends AggregateRoot {

    @Id
    private String envelopeId;
    private String caseId;
    private String investorId;
    /** The case officer the case is assigned to. */
    private String officerId;
    private String agreementId;
    private String companyName;
    private AgreedTerms terms;
    private String termsFingerprint;
    /** When negotiation reached the agreement; null in envelopes stored before it was kept (then the sending time stands in). */
    private Instant agreedAt;
    private String documentHash;
    private EnvelopeStatus status;
    private List<Signer> signers;
    private Instant sentAt;
    private Instant executedAt;
    /** The hash-chained audit trail, oldest first; append-only, written with every state change. */
    private List<AuditEntry> auditTrail;
    /** The hash of the trail's last entry, kept apart so a removed last entry is detected too. */
    private String auditHead;

    Envelope() {
    }

    /**
     * Sends the contract of {@code agreement}, rendered as the PDF whose SHA-256 is {@code documentHash},
     * to its signers as envelope {@code envelopeId}.
     */
    static Sending send(String envelopeId, Agreement agreement, String documentHash, Instant now) {
        Envelope envelope = new Envelope();
        envelope.envelopeId = envelopeId;
        envelope.caseId = agreement.caseId();
        envelope.investorId = agreement.investorId();
        envelope.officerId = agreement.officerId();
        envelope.agreementId = agreement.agreementId();
        envelope.companyName = agreement.companyName();
        envelope.terms = agreement.terms();
        envelope.termsFingerprint = agreement.termsFingerprint();
        envelope.agreedAt = agreement.agreedAt();
        envelope.documentHash = documentHash;
        envelope.signers = List.of(Signer.awaiting(1, SignerRole.INVESTOR_SIGNATORY, agreement.investorId()),
                Signer.awaiting(2, SignerRole.COMMISSION_REPRESENTATIVE, agreement.officerId()));
        envelope.status = EnvelopeStatus.SENT;
        envelope.sentAt = now;
        envelope.record(AuditAction.SENT, Actor.SYSTEM, now, Origin.SYSTEM);
        return new Sending(envelope, List.of(new EnvelopeSent(envelope.caseId, envelope.investorId, envelopeId,
                envelope.documentHash, envelope.termsFingerprint, now, Actor.SYSTEM)));
    }

    /**
     * Records {@code signer}'s signature in their turn; the last one executes the contract. Who may
     * sign is checked before when: a user who is not the place's signer is refused whatever the state.
     */
    List<SigningEvent> sign(Actor signer, String typedName, Instant now) {
        return sign(signer, typedName, now, Origin.SYSTEM);
    }

    /** As {@link #sign(Actor, String, Instant)}, recording in the audit trail where the request came from. */
    List<SigningEvent> sign(Actor signer, String typedName, Instant now, Origin origin) {
        Signer place = placeOf(signer);
        EnvelopeStatus target = place.order() == signers.size() ? EnvelopeStatus.EXECUTED : EnvelopeStatus.PARTIALLY_SIGNED;
        guard(target, "be signed by " + place.role());
        signers = signers.stream().map(each -> each.order() == place.order() ? each.signed(signer.id(), typedName, now) : each).toList();
        status = target;
        record(AuditAction.SIGNED, signer, now, origin);
        SignatureRecorded recorded = new SignatureRecorded(caseId, investorId, envelopeId, place.order(),
                place.role().name(), signer.id(), now, signer);
        if (target != EnvelopeStatus.EXECUTED) {
            return List.of(recorded);
        }
        executedAt = now;
        record(AuditAction.EXECUTED, signer, now, origin);
        return List.of(recorded, executed(signer, now));
    }

    /**
     * Records that {@code viewer} viewed the contract. Only the envelope's named signers' views are
     * evidence: anyone else is refused like a signature would be (investors never get here for
     * another's case, that is a 404 before).
     */
    List<SigningEvent> view(Actor viewer, Instant now, Origin origin) {
        boolean signer = signers.stream().anyMatch(place -> place.mayBeSignedBy(viewer.id())
                && place.role() == SignerRole.actingAs(viewer.role()));
        if (!signer) {
            throw new ForbiddenException(viewer.id() + " is not a signer of envelope " + envelopeId);
        }
        record(AuditAction.VIEWED, viewer, now, origin);
        return List.of();
    }

    private void record(AuditAction action, Actor actor, Instant now, Origin origin) {
        auditTrail = AuditChain.append(auditTrail(), action, actor.id(), actor.role(), now, origin, documentHash);
        auditHead = AuditChain.head(auditTrail);
    }

    /** The audit trail, oldest first (empty for envelopes stored before it was kept). */
    public List<AuditEntry> auditTrail() {
        return auditTrail == null ? List.of() : List.copyOf(auditTrail);
    }

    /** Whether the audit trail is intact, and if not, its first broken entry. */
    public AuditChain.Verification verifyAuditTrail() {
        return AuditChain.verify(auditTrail(), auditHead);
    }

    private Signer placeOf(Actor signer) {
        SignerRole role = SignerRole.actingAs(signer.role());
        Signer place = signers.stream().filter(each -> each.role() == role).findFirst().orElseThrow();
        if (!place.mayBeSignedBy(signer.id())) {
            throw new ForbiddenException(signer.id() + " may not sign envelope " + envelopeId + " as " + role);
        }
        if (place.hasSigned()) {
            throw new RuleViolationException(role + " has already signed envelope " + envelopeId);
        }
        requireTurnOf(place);
        return place;
    }

    private void requireTurnOf(Signer place) {
        Signer next = signers.stream().filter(each -> !each.hasSigned()).findFirst().orElseThrow();
        if (next.order() != place.order()) {
            throw new IllegalTransitionException("envelope " + envelopeId, status,
                    "be signed by " + place.role() + " before " + next.role());
        }
    }

    private ContractExecuted executed(Actor signer, Instant now) {
        return new ContractExecuted(caseId, investorId, officerId, envelopeId, documentHash, termsFingerprint,
                terms.investmentAmount(), terms.currency(), terms.jobs(), terms.landingDeadline(), now, signer);
    }

    private void guard(EnvelopeStatus target, String attempted) {
        if (!status.canTransitionTo(target)) {
            throw new IllegalTransitionException("envelope " + envelopeId, status, attempted);
        }
    }

    /** Investors see only the envelopes of their own cases; commission staff see every one. */
    boolean isVisibleTo(Actor viewer) {
        return viewer.maySee(investorId::equals);
    }

    /** What the contract template is filled with, as frozen in this envelope. */
    public ContractParticulars particulars() {
        return new Agreement(caseId, investorId, officerId == null ? "unknown" : officerId, agreementId, companyName, terms,
                termsFingerprint, agreedAt == null ? sentAt : agreedAt).particulars();
    }

    /** The signatures given so far, as the executed contract prints them. */
    public List<SignatureLine> signatureLines() {
        return signers.stream().filter(Signer::hasSigned)
                .map(signer -> new SignatureLine(signer.order(), signer.role().capacity(), signer.signedBy(), signer.typedName(), signer.signedAt()))
                .toList();
    }

    public String envelopeId() {
        return envelopeId;
    }

    public String caseId() {
        return caseId;
    }

    public String officerId() {
        return officerId;
    }

    public String investorId() {
        return investorId;
    }

    public String agreementId() {
        return agreementId;
    }

    public String companyName() {
        return companyName;
    }

    public AgreedTerms terms() {
        return terms;
    }

    public String termsFingerprint() {
        return termsFingerprint;
    }

    public String documentHash() {
        return documentHash;
    }

    public EnvelopeStatus status() {
        return status;
    }

    public List<Signer> signers() {
        return List.copyOf(signers);
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant executedAt() {
        return executedAt;
    }

    /** A new envelope and the events of its sending. */
    record Sending(Envelope envelope, List<SigningEvent> events) {
    }
}
