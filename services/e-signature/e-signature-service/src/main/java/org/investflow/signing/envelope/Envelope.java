package org.investflow.signing.envelope;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.CaseId;
import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.investflow.signing.audit.AuditAction;
import org.investflow.signing.audit.AuditChain;
import org.investflow.signing.audit.AuditEntry;
import org.investflow.signing.audit.AuditTrail;
import org.investflow.signing.audit.Origin;
import org.investflow.signing.events.ContractVoided;
import org.investflow.signing.events.SigningEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The contract of one agreement, sent to its signers in the configured order: groups of signers in
 * sequence, the signers of one group in parallel ({@link SigningOrder}). One envelope per case and
 * agreement. Signers act through one-time links with emailed codes ({@link SigningLinks}, stepped
 * through by {@link LinkSteps}); the mails wait in the envelope's {@link MailOutbox}; every action is
 * written to its {@link AuditTrail}; {@link EnvelopeEvents} writes the events.
 * Commands return the events they caused; the application service stores them with the envelope.
 * The last signature leaves it fully signed: the application service seals the executed contract and
 * then {@link #execute executes} it.
 */
@Document("envelopes")
@CompoundIndex(name = "agreement", def = "{'caseId': 1, 'agreementId': 1}", unique = true)
public class Envelope extends AggregateRoot {

    @Id
    private String envelopeId;
    private CaseId caseId;
    private String investorId;
    private String officerId;
    private String agreementId;
    private String companyName;
    /** The investor company's registration number and country; null on envelopes of agreements that did not carry them. */
    private String registrationNumber;
    private String country;
    private AgreedTerms terms;
    private String termsFingerprint;
    private Instant agreedAt;
    private String documentHash;
    private EnvelopeStatus status;
    private SigningOrder signers;
    private Instant sentAt;
    private Instant executedAt;
    /** SHA-256 of the sealed executed contract the downloads return; null before execution. */
    private String executedDocumentHash;
    /** While sealing: when sealing is (tried) next, how many attempts failed and why the last one did; null / 0 otherwise. */
    @Indexed
    private Instant sealDueAt;
    private int sealingFailures;
    private String sealingProblem;
    /** When it was declined, expired or voided, and the reason given; null while open or executed. */
    private Instant closedAt;
    private String closingReason;
    /** Next time the scheduled watch must look at it (reminder or deadline); null when closed. */
    @Indexed
    private Instant watchAt;
    private SigningLinks links = new SigningLinks();
    private MailOutbox mails = new MailOutbox();
    private AuditTrail auditTrail = new AuditTrail();

    Envelope() {
    }

    /**
     * Drafts the contract of {@code agreement}, rendered as the PDF whose SHA-256 is {@code documentHash},
     * and sends it as envelope {@code envelopeId}: the first group's turn starts now, each signer mailed a link.
     */
    static Sending send(String envelopeId, Agreement agreement, String documentHash, Instant now, SigningDesk desk) {
        Envelope envelope = new Envelope(envelopeId, agreement, documentHash, SigningOrder.of(agreement, desk));
        envelope.moveTo(EnvelopeStatus.SENT, "be sent");
        envelope.sentAt = now;
        envelope.audit(AuditAction.SENT, Actor.SYSTEM, now, Origin.SYSTEM);
        envelope.linkSteps().startTurns(now, desk);
        return new Sending(envelope, envelope.events().sent(envelope.agreementId, documentHash, now));
    }

    private Envelope(String envelopeId, Agreement agreement, String documentHash, SigningOrder signers) {
        this.envelopeId = envelopeId;
        this.caseId = agreement.caseId();
        this.investorId = agreement.investorId();
        this.officerId = agreement.officerId();
        this.agreementId = agreement.agreementId();
        this.companyName = agreement.companyName();
        this.registrationNumber = agreement.registrationNumber();
        this.country = agreement.country();
        this.terms = agreement.terms();
        this.termsFingerprint = agreement.termsFingerprint();
        this.agreedAt = agreement.agreedAt();
        this.documentHash = documentHash;
        this.signers = signers;
        this.status = EnvelopeStatus.DRAFT;
    }

    /**
     * Records {@code signer}'s signature in their group's turn; the last of a group starts the next
     * group's turn, the last of all leaves the envelope fully signed and {@code SEALING}: the application
     * service has the executed contract sealed right after, and a sweep tries again from
     * {@code desk}'s first retry on. Who may sign is checked before when: a user who is not the place's
     * signer is refused whatever the state.
     */
    List<SigningEvent> sign(Actor signer, String typedName, Instant now, Origin origin, SigningDesk desk) {
        Signer place = signers.placeOf(signer, envelopeId);
        requireTurnOf(place);
        boolean last = signers.isLastToSign(place);
        EnvelopeStatus next = last ? EnvelopeStatus.SEALING : EnvelopeStatus.PARTIALLY_SIGNED;
        if (next != status) {
            guard(next, "be signed by " + place.role());
        }
        signers.replace(place.signed(signer.id(), typedName, now));
        links.consumeAllOf(place.order());
        audit(AuditAction.SIGNED, signer, now, origin);
        status = next;
        if (last) {
            sealDueAt = now.plus(desk.sealingSchedule().firstRetry());
        } else {
            linkSteps().startTurns(now, desk);
        }
        return events().signed(place, now, signer);
    }

    /** Whether every signer signed: the executed contract can be sealed. */
    boolean isFullySigned() {
        return signers.all().stream().allMatch(Signer::hasSigned);
    }

    /**
     * Executes the sealing envelope, whose executed contract the commission sealed as {@code sealedDocumentHash} and
     * kept: {@code ContractExecuted} names the last signer, whose signature caused it; the audit trail's entry is the
     * system's, which sealed it.
     */
    List<SigningEvent> execute(String sealedDocumentHash, Instant now) {
        if (!isFullySigned()) {
            throw new RuleViolationException("envelope " + envelopeId + " is not signed by every signer yet");
        }
        moveTo(EnvelopeStatus.EXECUTED, "be executed");
        executedAt = now;
        executedDocumentHash = sealedDocumentHash;
        sealDueAt = null;
        sealingProblem = null;
        audit(AuditAction.EXECUTED, Actor.SYSTEM, now, Origin.SYSTEM);
        return events().executed(officerId, executedDocumentHash, terms, now, signers.lastSigner());
    }

    /** Sealing failed for {@code problem} (the TSA unreachable): it is tried again after the schedule's wait; no event. */
    void sealingFailed(String problem, Instant now, SealingSchedule schedule) {
        if (status != EnvelopeStatus.SEALING) {
            throw new IllegalTransitionException("envelope " + envelopeId, status, "wait for its seal");
        }
        sealingFailures++;
        sealingProblem = problem;
        sealDueAt = now.plus(schedule.waitAfter(sealingFailures));
    }

    /** The signer whose turn it is declines, with a reason: the envelope is closed. */
    List<SigningEvent> decline(Actor signer, String reason, Instant now, Origin origin) {
        Signer place = signers.placeOf(signer, envelopeId);
        requireTurnOf(place);
        closeAs(EnvelopeStatus.DECLINED, "be declined by " + place.role(), reason, now);
        audit(AuditAction.DECLINED, signer, now, origin);
        return events().declined(place, reason, now, signer);
    }

    /** The case's assigned officer, or a leader, voids the envelope with a reason before it is executed. */
    List<SigningEvent> voidBy(Actor actor, String reason, Instant now, Origin origin) {
        boolean assignedOfficer = actor.role() == Role.OFFICER && actor.id().equals(officerId);
        if (!assignedOfficer && actor.role() != Role.LEADER) {
            throw new ForbiddenException(actor.id() + " may not void envelope " + envelopeId);
        }
        return voided(actor, reason, null, now, origin);
    }

    /** A newer agreement on the case supersedes this envelope's: it is voided, never left pending. */
    List<SigningEvent> supersede(String newerFingerprint, Instant now) {
        return voided(Actor.SYSTEM, ContractVoided.SUPERSEDED, newerFingerprint, now, Origin.SYSTEM);
    }

    private List<SigningEvent> voided(Actor actor, String reason, String supersededBy, Instant now, Origin origin) {
        closeAs(EnvelopeStatus.VOIDED, "be voided", reason, now);
        audit(AuditAction.VOIDED, actor, now, origin);
        return events().voided(reason, supersededBy, now, actor);
    }

    /** The scheduled look at an envelope awaiting signatures: a signer in turn past their deadline expires it, else due reminders go out. */
    List<SigningEvent> watch(Instant now, SigningDesk desk) {
        if (!status.awaitsSignatures()) {
            return List.of();
        }
        Optional<Signer> overdue = signers.overdue(now);
        if (overdue.isPresent()) {
            return expire(overdue.get(), now);
        }
        linkSteps().remindDue(now, desk);
        return List.of();
    }

    private List<SigningEvent> expire(Signer overdue, Instant now) {
        closeAs(EnvelopeStatus.EXPIRED, "expire", null, now);
        audit(AuditAction.EXPIRED, Actor.SYSTEM, now, Origin.SYSTEM);
        return events().expired(overdue, now);
    }

    /** Closes the envelope unexecuted: every link dies and mails not yet sent (they carry dead links or codes) are dropped. */
    private void closeAs(EnvelopeStatus target, String attempted, String reason, Instant now) {
        moveTo(target, attempted);
        closedAt = now;
        closingReason = reason;
        links.consumeAll();
        mails.dropAll();
    }

    /** When the watch must look next: the soonest next reminder or deadline of the signers in turn; null unless awaiting signatures. */
    Instant nextWatchAt() {
        return status.awaitsSignatures() ? signers.nextWatchAt() : null;
    }

    /** The signer-facing steps on this envelope: its links, the codes sent for them, and views of the contract. */
    LinkSteps linkSteps() {
        return new LinkSteps(this, signers, links, mails, auditTrail, this::isInTurn);
    }

    /** The events of this envelope, to which each command adds what happened. */
    EnvelopeEvents events() {
        return new EnvelopeEvents(caseId.value(), investorId, envelopeId, termsFingerprint);
    }

    private boolean isInTurn(int signerOrder) {
        return status.awaitsSignatures() && signers.isInTurn(signerOrder);
    }

    private void requireTurnOf(Signer place) {
        signers.blockingTurnOf(place).ifPresent(before -> {
            throw new IllegalTransitionException("envelope " + envelopeId, status, "be signed by " + place.role() + " before " + before);
        });
    }

    private void audit(AuditAction action, Actor actor, Instant now, Origin origin) {
        auditTrail.record(action, actor, now, origin, documentHash);
    }

    private void moveTo(EnvelopeStatus target, String attempted) {
        guard(target, attempted);
        status = target;
    }

    private void guard(EnvelopeStatus target, String attempted) {
        if (!status.canTransitionTo(target)) {
            throw new IllegalTransitionException("envelope " + envelopeId, status, attempted);
        }
    }

    /** Removes a delivered mail from the mail outbox; false when it was already gone. */
    boolean delivered(String mailId) {
        return mails.delivered(mailId);
    }

    /** Reminders sent to all signers so far. */
    int remindersSent() {
        return signers.remindersSent();
    }

    /** Investors see only the envelopes of their own cases; commission staff see every one. */
    boolean isVisibleTo(Actor viewer) {
        return viewer.maySee(investorId::equals);
    }

    /** Refreshes when the watch must look next; called before every save. */
    void scheduleWatch() {
        watchAt = nextWatchAt();
    }

    /** The agreement the envelope's contract was drafted from, as frozen in it. */
    public Agreement agreement() {
        return new Agreement(caseId, investorId, officerId, agreementId, companyName, terms, termsFingerprint, agreedAt,
                registrationNumber, country);
    }

    /** The mails waiting for delivery, oldest first. */
    public List<OutgoingMail> mails() {
        return mails.pending();
    }

    /** The token hashes of the links issued since it was loaded (or drafted): to file before it is stored. */
    public List<String> linksIssuedSinceLoaded() {
        return links.issuedSinceLoaded();
    }

    /** The signing links issued, oldest first (token hashes only). */
    public List<SigningLink> links() {
        return links.all();
    }

    /** The audit trail, oldest first. */
    public List<AuditEntry> auditTrail() {
        return auditTrail.entries();
    }

    /** Whether the audit trail is intact, and if not, its first broken entry. */
    public AuditChain.Verification verifyAuditTrail() {
        return auditTrail.verify();
    }

    public String envelopeId() { return envelopeId; }
    public CaseId caseId() { return caseId; }
    public String investorId() { return investorId; }
    public String documentHash() { return documentHash; }
    public EnvelopeStatus status() { return status; }
    public List<Signer> signers() { return signers.all(); }
    public Instant sentAt() { return sentAt; }
    public Instant executedAt() { return executedAt; }
    public String executedDocumentHash() { return executedDocumentHash; }
    public Instant closedAt() { return closedAt; }
    public String closingReason() { return closingReason; }
    public Instant sealDueAt() { return sealDueAt; }
    public int sealingFailures() { return sealingFailures; }
    public String sealingProblem() { return sealingProblem; }

    /** A new envelope and the events of its sending. */
    record Sending(Envelope envelope, List<SigningEvent> events) {
    }
}
