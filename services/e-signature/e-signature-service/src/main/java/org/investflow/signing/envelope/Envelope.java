package org.investflow.signing.envelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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
import org.investflow.signing.events.ContractDeclined;
import org.investflow.signing.events.ContractDrafted;
import org.investflow.signing.events.ContractExecuted;
import org.investflow.signing.events.ContractExpired;
import org.investflow.signing.events.ContractVoided;
import org.investflow.signing.events.EnvelopeSent;
import org.investflow.signing.events.SignatureRecorded;
import org.investflow.signing.events.SignerViewed;
import org.investflow.signing.events.SigningEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The contract of one agreement, sent to its signers in the configured order: groups of signers in
 * sequence, the signers of one group in parallel (by default the investor's signatory, then the
 * commission's representative and the district's representative together). One envelope per case
 * and agreement. Each signer's turn has a deadline and
 * reminders; signers act through one-time links with emailed codes. Commands return the events they
 * caused; the application service stores them, and the mails they queued, with the envelope.
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
    /** SHA-256 of the sealed executed contract the downloads return; null before execution. */
    private String executedDocumentHash;
    /** When it was declined, expired or voided, and the reason given; null while open or executed. */
    private Instant closedAt;
    private String closingReason;
    /** Next time the scheduled watch must look at it (reminder or deadline); null when closed. */
    @Indexed
    private Instant watchAt;
    private List<SigningLink> links;
    /** Mails to deliver, stored with the change that caused them. */
    private List<OutgoingMail> mails;
    /** The hash-chained audit trail, oldest first; append-only, written with every state change. */
    private List<AuditEntry> auditTrail;
    /** The hash of the trail's last entry, kept apart so a removed last entry is detected too. */
    private String auditHead;

    Envelope() {
    }

    /**
     * Drafts the contract of {@code agreement}, rendered as the PDF whose SHA-256 is {@code documentHash},
     * and sends it to its first signer as envelope {@code envelopeId}: their turn starts now, with a
     * one-time link mailed to them.
     */
    static Sending send(String envelopeId, Agreement agreement, String documentHash, Instant now, SigningDesk desk) {
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
        envelope.signers = placesOf(agreement, desk);
        envelope.status = EnvelopeStatus.DRAFT;
        envelope.guard(EnvelopeStatus.SENT, "be sent");
        envelope.status = EnvelopeStatus.SENT;
        envelope.sentAt = now;
        envelope.record(AuditAction.SENT, Actor.SYSTEM, now, Origin.SYSTEM);
        envelope.startTurnsInTurn(now, desk);
        return new Sending(envelope, List.of(
                new ContractDrafted(envelope.caseId, envelope.investorId, envelopeId, envelope.agreementId, envelope.documentHash,
                        envelope.termsFingerprint, now, Actor.SYSTEM),
                new EnvelopeSent(envelope.caseId, envelope.investorId, envelopeId, envelope.documentHash, envelope.termsFingerprint,
                        now, Actor.SYSTEM)));
    }

    /** The places of the configured signing order, numbered in sequence, each group a step. */
    private static List<Signer> placesOf(Agreement agreement, SigningDesk desk) {
        List<Signer> places = new ArrayList<>();
        List<List<SignerRole>> groups = desk.signingOrder();
        for (int group = 1; group <= groups.size(); group++) {
            for (SignerRole role : groups.get(group - 1)) {
                places.add(placeOf(places.size() + 1, group, role, agreement, desk));
            }
        }
        return List.copyOf(places);
    }

    private static Signer placeOf(int order, int group, SignerRole role, Agreement agreement, SigningDesk desk) {
        return switch (role) {
            case INVESTOR_SIGNATORY -> Signer.awaiting(order, group, role, agreement.investorId());
            case COMMISSION_REPRESENTATIVE -> Signer.awaiting(order, group, role, agreement.officerId());
            case DISTRICT_REPRESENTATIVE -> Signer.awaiting(order, group, role, desk.districtRepresentativeOf(agreement.terms().district()));
        };
    }

    /**
     * Records {@code signer}'s signature in their group's turn; the last one executes the contract,
     * the last of a group starts the next group's turn. Who may sign is checked before when: a user
     * who is not the place's signer is refused whatever the state.
     */
    List<SigningEvent> sign(Actor signer, String typedName, Instant now, Origin origin, SigningDesk desk) {
        Signer place = placeOf(signer);
        boolean last = signers.stream().filter(each -> !each.hasSigned()).count() == 1;
        EnvelopeStatus target = last ? EnvelopeStatus.EXECUTED : EnvelopeStatus.PARTIALLY_SIGNED;
        if (target != status) {
            guard(target, "be signed by " + place.role());
        }
        replace(place.signed(signer.id(), typedName, now));
        status = target;
        consumeLinksOf(place);
        record(AuditAction.SIGNED, signer, now, origin);
        SignatureRecorded recorded = new SignatureRecorded(caseId, investorId, envelopeId, place.order(),
                place.role().name(), signer.id(), now, signer);
        if (!last) {
            startTurnsInTurn(now, desk);
            return List.of(recorded);
        }
        executedAt = now;
        executedDocumentHash = desk.sealedHashOf(this);
        record(AuditAction.EXECUTED, signer, now, origin);
        return List.of(recorded, executed(signer, now));
    }

    /** The signer whose turn it is declines, with a reason: the envelope is closed. */
    List<SigningEvent> decline(Actor signer, String reason, Instant now, Origin origin) {
        Signer place = placeOf(signer);
        closeAs(EnvelopeStatus.DECLINED, "be declined by " + place.role(), reason, now);
        record(AuditAction.DECLINED, signer, now, origin);
        return List.of(new ContractDeclined(caseId, investorId, envelopeId, termsFingerprint, place.role().name(), reason, now, signer));
    }

    /** The case's assigned officer, or a leader, voids the envelope with a reason before it is executed. */
    List<SigningEvent> voidBy(Actor actor, String reason, Instant now, Origin origin) {
        boolean assignedOfficer = "OFFICER".equals(actor.role()) && actor.id().equals(officerId);
        if (!assignedOfficer && !"LEADER".equals(actor.role())) {
            throw new ForbiddenException(actor.id() + " may not void envelope " + envelopeId);
        }
        return close(actor, reason, null, now, origin);
    }

    /** A newer agreement on the case supersedes this envelope's: it is voided, never left pending. */
    List<SigningEvent> supersede(String newerFingerprint, Instant now) {
        return close(Actor.SYSTEM, ContractVoided.SUPERSEDED, newerFingerprint, now, Origin.SYSTEM);
    }

    private List<SigningEvent> close(Actor actor, String reason, String supersededBy, Instant now, Origin origin) {
        closeAs(EnvelopeStatus.VOIDED, "be voided", reason, now);
        record(AuditAction.VOIDED, actor, now, origin);
        return List.of(new ContractVoided(caseId, investorId, envelopeId, termsFingerprint, reason, supersededBy, now, actor));
    }

    /**
     * Closes the envelope unexecuted: every link dies and mails not yet sent (they carry dead links
     * or codes) are dropped.
     */
    private void closeAs(EnvelopeStatus target, String attempted, String reason, Instant now) {
        guard(target, attempted);
        status = target;
        closedAt = now;
        closingReason = reason;
        links = new ArrayList<>(links().stream().map(SigningLink::asConsumed).toList());
        mails = new ArrayList<>();
    }

    /**
     * The scheduled look at an open envelope: the signer in turn past their deadline expires it;
     * otherwise a due reminder is mailed to them with a fresh link. An envelope stored before turns
     * had deadlines and links gets its signer's turn started now, so it can still be signed.
     */
    List<SigningEvent> watch(Instant now, SigningDesk desk) {
        if (!status.isOpen() || status == EnvelopeStatus.DRAFT) {
            return List.of();
        }
        if (startTurnsInTurn(now, desk)) {
            // stored before turns had deadlines and links: the turn starts now, with an invitation
            return List.of();
        }
        Optional<Signer> overdue = inTurn().stream().filter(each -> each.isOverdue(now)).findFirst();
        if (overdue.isPresent()) {
            closeAs(EnvelopeStatus.EXPIRED, "expire", null, now);
            record(AuditAction.EXPIRED, Actor.SYSTEM, now, Origin.SYSTEM);
            return List.of(new ContractExpired(caseId, investorId, envelopeId, termsFingerprint, overdue.get().role().name(),
                    overdue.get().deadline(), now, Actor.SYSTEM));
        }
        inTurn().stream().filter(each -> each.isReminderDue(now)).forEach(due -> remind(due, now, desk));
        return List.of();
    }

    private void remind(Signer signer, Instant now, SigningDesk desk) {
        replace(signer.reminded(now, desk.policy()));
        mailLink(signer, OutgoingMail.Kind.REMINDER, now, desk);
        record(AuditAction.REMINDED, Actor.SYSTEM, now, Origin.SYSTEM);
    }

    /** When this open envelope next needs the watch: the soonest next reminder or deadline of its signers in turn. */
    Instant nextWatchAt() {
        if (!status.isOpen() || status == EnvelopeStatus.DRAFT) {
            return null;
        }
        List<Signer> current = inTurn();
        if (current.stream().anyMatch(each -> each.deadline() == null)) {
            return sentAt;
        }
        return current.stream().map(Signer::nextWatchAt).min(Instant::compareTo).orElseThrow();
    }

    /**
     * Emails a one-time code to the signer of the link with token hash {@code tokenHash}; refused as
     * an invalid link unless the link is usable, for the signer in turn, and has codes left.
     */
    void sendCode(String tokenHash, Instant now, SigningDesk desk) {
        SigningLink link = usableLink(tokenHash, now, desk.policy());
        if (!link.mayHaveAnotherCode(desk.policy())) {
            throw new InvalidLinkException();
        }
        String code = desk.newCode();
        replace(link.withCode(code, now, desk.policy()));
        Signer signer = signers.get(link.signerOrder() - 1);
        queue(OutgoingMail.code(signer.addressAt(desk), caseId, code, desk.policy().codeValidity(), now));
        record(AuditAction.CODE_SENT, signer.actor(), now, Origin.SYSTEM);
    }

    /**
     * Checks the code entered with a link. A wrong code is counted (the caller saves the envelope and
     * then refuses); too many lock the link. Answers the signer of the link when the code is right.
     */
    Optional<Actor> checkCode(String tokenHash, String code, Instant now, SigningPolicy policy) {
        SigningLink link = usableLink(tokenHash, now, policy);
        if (!link.acceptsCode(code, now)) {
            replace(link.withWrongCode());
            return Optional.empty();
        }
        return Optional.of(signers.get(link.signerOrder() - 1).actor());
    }

    /** The signer views the contract through their link (once per link), after the right code. */
    List<SigningEvent> viewThroughLink(String tokenHash, Instant now, Origin origin, SigningPolicy policy) {
        SigningLink link = usableLink(tokenHash, now, policy);
        if (link.viewed()) {
            throw new InvalidLinkException();
        }
        replace(link.asViewed());
        return viewedBy(signers.get(link.signerOrder() - 1), now, origin);
    }

    private List<SigningEvent> viewedBy(Signer place, Instant now, Origin origin) {
        Actor viewer = place.actor();
        record(AuditAction.VIEWED, viewer, now, origin);
        return List.of(new SignerViewed(caseId, investorId, envelopeId, place.order(), place.role().name(), documentHash, now, viewer));
    }

    private SigningLink usableLink(String tokenHash, Instant now, SigningPolicy policy) {
        SigningLink link = links().stream().filter(each -> each.tokenHash().equals(tokenHash)).findFirst()
                .orElseThrow(InvalidLinkException::new);
        boolean inTurn = status.isOpen() && status != EnvelopeStatus.DRAFT
                && inTurn().stream().anyMatch(each -> each.order() == link.signerOrder());
        if (!inTurn || !link.isUsable(now, policy)) {
            throw new InvalidLinkException();
        }
        return link;
    }

    /**
     * Records that {@code viewer} viewed the contract. Only the envelope's named signers' views are
     * evidence: anyone else is refused like a signature would be (investors never get here for
     * another's case, that is a 404 before).
     */
    List<SigningEvent> view(Actor viewer, Instant now, Origin origin) {
        Signer place = signers.stream().filter(each -> each.mayBeSignedBy(viewer.id())
                && each.role() == SignerRole.actingAs(viewer.role())).findFirst()
                .orElseThrow(() -> new ForbiddenException(viewer.id() + " is not a signer of envelope " + envelopeId));
        return viewedBy(place, now, origin);
    }

    /**
     * Starts the turn of every signer in turn whose turn has not started yet (all of a group together),
     * each invited with a link; answers whether any started.
     */
    private boolean startTurnsInTurn(Instant now, SigningDesk desk) {
        List<Signer> waiting = inTurn().stream().filter(each -> each.turnStartedAt() == null).toList();
        waiting.forEach(signer -> {
            Signer started = signer.turnStarted(now, desk.policy());
            replace(started);
            mailLink(started, OutgoingMail.Kind.INVITATION, now, desk);
        });
        return !waiting.isEmpty();
    }

    private void mailLink(Signer signer, OutgoingMail.Kind kind, Instant now, SigningDesk desk) {
        String token = desk.newToken();
        links = new ArrayList<>(links());
        links.add(SigningLink.issue(token, signer.order(), signer.deadline()));
        queue(OutgoingMail.link(kind, signer.addressAt(desk), this, signer, desk.linkTo(token), now));
    }

    private void queue(OutgoingMail mail) {
        mails = new ArrayList<>(mails());
        mails.add(mail);
    }

    private void consumeLinksOf(Signer place) {
        links = new ArrayList<>(links().stream().map(link -> link.signerOrder() == place.order() ? link.asConsumed() : link).toList());
    }

    private void replace(Signer changed) {
        signers = signers.stream().map(each -> each.order() == changed.order() ? changed : each).toList();
    }

    private void replace(SigningLink changed) {
        links = new ArrayList<>(links().stream().map(each -> each.tokenHash().equals(changed.tokenHash()) ? changed : each).toList());
    }

    /** The unsigned signers of the first group not complete: those whose turn it is, in parallel. */
    private List<Signer> inTurn() {
        int step = signers.stream().filter(each -> !each.hasSigned()).mapToInt(Signer::step).min().orElseThrow();
        return signers.stream().filter(each -> !each.hasSigned() && each.step() == step).toList();
    }

    /** Removes a delivered mail from the mail outbox; false when it was already gone. */
    boolean delivered(String mailId) {
        List<OutgoingMail> rest = mails().stream().filter(mail -> !mail.mailId().equals(mailId)).toList();
        boolean removed = rest.size() < mails().size();
        mails = new ArrayList<>(rest);
        return removed;
    }

    /** Reminders sent to all signers so far. */
    int remindersSent() {
        return signers.stream().mapToInt(Signer::remindersSent).sum();
    }

    /** The mails waiting for delivery, oldest first. */
    public List<OutgoingMail> mails() {
        return mails == null ? List.of() : List.copyOf(mails);
    }

    /** The signing links issued, oldest first (token hashes only). */
    public List<SigningLink> links() {
        return links == null ? List.of() : List.copyOf(links);
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
        List<Signer> current = inTurn();
        if (current.get(0).step() != place.step()) {
            throw new IllegalTransitionException("envelope " + envelopeId, status,
                    "be signed by " + place.role() + " before " + current.stream().map(each -> each.role().name())
                            .collect(Collectors.joining(" and ")));
        }
    }

    private ContractExecuted executed(Actor signer, Instant now) {
        return new ContractExecuted(caseId, investorId, officerId, envelopeId, executedDocumentHash, termsFingerprint,
                terms.investmentAmount(), terms.currency(), terms.jobs(), terms.landingDeadline(), terms.capitalSchedule(),
                terms.milestones(), now, signer);
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

    public String executedDocumentHash() {
        return executedDocumentHash;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closingReason() {
        return closingReason;
    }

    /** Refreshes when the watch must look next; called before every save. */
    void scheduleWatch() {
        watchAt = nextWatchAt();
    }

    /** A new envelope and the events of its sending. */
    record Sending(Envelope envelope, List<SigningEvent> events) {
    }
}
