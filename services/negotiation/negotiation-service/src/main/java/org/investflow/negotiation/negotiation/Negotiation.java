package org.investflow.negotiation.negotiation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.investflow.negotiation.events.AgreementReached;
import org.investflow.negotiation.events.ApprovalDecided;
import org.investflow.negotiation.events.ApprovalEscalated;
import org.investflow.negotiation.events.ApprovalRequested;
import org.investflow.negotiation.events.NegotiationEvent;
import org.investflow.negotiation.events.NegotiationFailed;
import org.investflow.negotiation.events.NegotiationOpened;
import org.investflow.negotiation.events.NegotiationReopened;
import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.events.TermsProposed;
import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.CaseId;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The negotiation of one investment case between its investor and the officer who accepted the intention:
 * a state machine ({@link NegotiationStatus}) over embedded parts: the {@link TermSheetTable} of versions,
 * maker-checker {@link Approvals}, {@link Reopenings} after a contract fell through, {@link Parties} for
 * access, {@link Comments}, and {@link Activity} (the ETag revision, the last activity). Commands return the
 * events they caused; the application service stores them with the negotiation.
 */
@Document("negotiations")
public class Negotiation extends AggregateRoot {

    @Id
    private String caseId;
    private Parties parties;
    private String companyName;
    /** The company's registration number and country as intake accepted them; null on cases opened before intake sent them. */
    private String registrationNumber;
    private String country;
    private NegotiationStatus status;
    private Instant openedAt;
    private TermSheetTable termSheets = new TermSheetTable();
    private Approvals approvals = new Approvals();
    private Agreement agreement;
    private Reopenings reopenings = new Reopenings();
    private Comments comments = new Comments();
    private Failure failure;
    private Activity activity;

    Negotiation() {
    }

    /** Opens the negotiation of an accepted intention, remembering the event that caused it. */
    static Opening open(AcceptedIntention intention, String causeEventId, Instant now) {
        Negotiation negotiation = new Negotiation();
        negotiation.caseId = intention.caseId();
        negotiation.parties = new Parties(intention.investorId(), intention.officerId());
        negotiation.companyName = intention.companyName();
        negotiation.registrationNumber = intention.registrationNumber();
        negotiation.country = intention.country();
        negotiation.status = NegotiationStatus.OPEN;
        negotiation.openedAt = now;
        negotiation.activity = new Activity(now);
        negotiation.markHandled(causeEventId);
        return new Opening(negotiation, List.of(new NegotiationOpened(intention.caseId(), intention.investorId(),
                intention.officerId(), intention.companyName(), now, Actor.SYSTEM)));
    }

    /**
     * A party puts a new version on the table (or, beyond the policy, before a leader). It counters
     * the version on the table; {@code basedOn}, when given, must name that version.
     */
    List<NegotiationEvent> propose(Terms terms, Integer basedOn, Actor party, ApprovalPolicy policy, LocalDate today,
                                   Instant now) {
        parties.require(party, caseId);
        guard(NegotiationStatus.OPEN, "propose terms");
        TermsCheck.require(terms, today);
        Integer countered = termSheets.countered(basedOn, party, caseId);
        List<String> reasons = Side.of(party) == Side.COMMISSION ? policy.reasonsFor(terms) : List.of();
        TermSheet sheet = addVersion(terms, countered, reasons, party, now);
        activity.touch(now);
        return sheet.isPendingApproval()
                ? List.of(new ApprovalRequested(caseId, parties.investorId(), sheet.version(), reasons, now, party))
                : List.of(putOnTable(sheet, now, party));
    }

    /** The new version supersedes a waiting one and needs approval when {@code reasons} name any. */
    private TermSheet addVersion(Terms terms, Integer countered, List<String> reasons, Actor party, Instant now) {
        approvals.supersede(termSheets, now);
        TermSheet sheet = termSheets.add(terms, party, Side.of(party), countered,
                Approvals.requiredFor(terms, reasons, termSheets, now), now);
        approvals.track(sheet, now);
        return sheet;
    }

    /**
     * The other party accepts the latest version on the table: the terms are frozen as the agreement. After a
     * reopening, both parties accept the agreed version again; the first acceptance is only remembered.
     */
    List<NegotiationEvent> accept(int version, Actor party, ApprovalPolicy policy, String agreementId, Instant now) {
        parties.require(party, caseId);
        guard(NegotiationStatus.AGREED, "accept version " + version);
        TermSheet sheet = termSheets.acceptable(version, party, caseId);
        Side side = Side.of(party);
        Approvals.requireWithinPolicy(termSheets, sheet, side, policy);
        if (status == NegotiationStatus.REOPENED && !reopenings.acceptAgain(side, version)) {
            activity.touch(now);
            return List.of();
        }
        if (status != NegotiationStatus.REOPENED && sheet.side() == side) {
            throw new RuleViolationException("version " + version + " is your own proposal; the other party accepts it");
        }
        return agree(sheet, party, agreementId, now);
    }

    private List<NegotiationEvent> agree(TermSheet sheet, Actor party, String agreementId, Instant now) {
        approvals.supersede(termSheets, now);
        status = NegotiationStatus.AGREED;
        reopenings.clearAcceptances();
        String supersedes = reopenings.supersededFingerprint();
        agreement = new Agreement(agreementId, sheet.version(), sheet.terms(), TermsFingerprint.of(sheet.terms()),
                party.id(), now, supersedes);
        activity.touch(now);
        return List.of(new AgreementReached(caseId, parties.investorId(), parties.officerId(), agreementId,
                sheet.version(), companyName, sheet.terms(), agreement.fingerprint().hex(), now, party, supersedes,
                TermsFingerprint.canonicalJson(sheet.terms()), registrationNumber, country));
    }

    /**
     * The contract drafted from the current agreement was declined, expired or voided: the agreed version is
     * on the table again and the agreement moves to the history. An outcome about an earlier agreement, or
     * about an envelope that already reopened the negotiation, changes nothing; one about terms this case
     * never agreed on is refused.
     */
    List<NegotiationEvent> reopen(ContractOutcome outcome, String causeEventId, Instant now) {
        if (!reopenings.concern(agreement, outcome, caseId)) {
            return List.of();
        }
        guard(NegotiationStatus.REOPENED, "reopen (contract " + outcome.cause().toLowerCase() + ")");
        Agreement fellThrough = agreement;
        reopenings.add(new Reopening(fellThrough, outcome.cause(), outcome.reason(), outcome.envelopeId(), now));
        agreement = null;
        status = NegotiationStatus.REOPENED;
        markHandled(causeEventId);
        activity.touch(now);
        return List.of(new NegotiationReopened(caseId, parties.investorId(), parties.officerId(),
                fellThrough.version(), outcome.envelopeId(), fellThrough.fingerprint().hex(), outcome.cause(),
                outcome.reason(), now, Actor.SYSTEM));
    }

    /** A leader other than its author approves the version waiting for approval; it goes on the table. */
    List<NegotiationEvent> approve(int version, Actor leader, String reason, Instant now) {
        TermSheet sheet = decide(version, leader, ApprovalState.APPROVED, reason, now);
        return List.of(new ApprovalDecided(caseId, parties.investorId(), version, ApprovalDecided.APPROVED, reason, now,
                        leader), putOnTable(sheet, now, leader));
    }

    /** A leader other than its author rejects the version; the investor never sees it. */
    List<NegotiationEvent> reject(int version, Actor leader, String reason, Instant now) {
        decide(version, leader, ApprovalState.REJECTED, reason, now);
        return List.of(new ApprovalDecided(caseId, parties.investorId(), version, ApprovalDecided.REJECTED, reason, now,
                leader));
    }

    private TermSheet decide(int version, Actor leader, ApprovalState decision, String reason, Instant now) {
        guard(NegotiationStatus.OPEN, "decide on the approval of version " + version);
        TermSheet sheet = approvals.decide(termSheets, version, leader, decision, reason, now, caseId);
        activity.touch(now);
        return sheet;
    }

    /** Raises the pending approval once it has waited longer than {@code after}; nothing when it has not. */
    List<NegotiationEvent> escalate(Duration after, Instant now) {
        Instant waitingSince = approvals.pendingSince();
        TermSheet escalated = approvals.escalate(termSheets, after, now);
        if (escalated == null) {
            return List.of();
        }
        activity.changed();
        return List.of(new ApprovalEscalated(caseId, parties.investorId(), escalated.version(), waitingSince, now,
                Actor.SYSTEM));
    }

    /** Either party leaves the table; the negotiation fails. */
    List<NegotiationEvent> withdraw(Actor party, String reason, Instant now) {
        parties.require(party, caseId);
        return fail(NegotiationFailed.WITHDRAWN, reason, party, now);
    }

    /** Fails the negotiation when nothing happened for longer than {@code period}; nothing when something did. */
    List<NegotiationEvent> expireIfInactive(Duration period, Instant now) {
        if (!status.isNegotiating() || !activity.idleFor(period, now)) {
            return List.of();
        }
        return fail(NegotiationFailed.INACTIVE, "no activity for " + period, Actor.SYSTEM, now);
    }

    /** A party adds a remark to the thread. */
    Comment comment(Actor party, String text, Instant now) {
        parties.require(party, caseId);
        Comment comment = comments.add(party, text, now);
        activity.touch(now);
        return comment;
    }

    /** Refuses a command based on a revision that is no longer current ({@code If-Match}); null skips the check. */
    void requireRevision(Long expected) {
        activity.requireRevision(expected, caseId);
    }

    private List<NegotiationEvent> fail(String reason, String detail, Actor actor, Instant now) {
        guard(NegotiationStatus.FAILED, "end the negotiation (" + reason.toLowerCase() + ")");
        approvals.supersede(termSheets, now);
        status = NegotiationStatus.FAILED;
        failure = new Failure(reason, detail, actor.id(), now);
        activity.touch(now);
        return List.of(new NegotiationFailed(caseId, parties.investorId(), reason, detail, now, actor));
    }

    /** A version goes on the table: after a reopening, that ends the wait for both acceptances. */
    private TermsProposed putOnTable(TermSheet sheet, Instant now, Actor actor) {
        status = NegotiationStatus.OPEN;
        reopenings.clearAcceptances();
        return new TermsProposed(caseId, parties.investorId(), sheet.version(), sheet.terms(), now, actor,
                sheet.basedOn());
    }

    private void guard(NegotiationStatus target, String attempted) {
        if (!status.canTransitionTo(target)) {
            throw new IllegalTransitionException("negotiation " + caseId, status, attempted);
        }
    }

    public TermsDiff diff(int from, int to, Actor viewer) {
        return TermsDiff.between(termSheets.visibleTo(from, viewer, caseId), termSheets.visibleTo(to, viewer, caseId));
    }

    boolean isOwnedBy(String userId) {
        return parties.isOwnedBy(userId);
    }

    /** The version waiting for approval, as the pending-approvals report lists it; null when none waits. */
    public PendingApproval pendingApproval() {
        return approvals.pending(caseId, termSheets);
    }

    public CaseId caseId() { return CaseId.of(caseId); }

    /** The owning investor and the assigned case officer. */
    public Parties parties() { return parties; }

    public String companyName() { return companyName; }

    public String registrationNumber() { return registrationNumber; }

    public String country() { return country; }

    public NegotiationStatus status() { return status; }

    public Instant openedAt() { return openedAt; }

    public List<TermSheet> termSheets() { return termSheets.all(); }

    public Agreement agreement() { return agreement; }

    public long revision() { return activity.revision(); }

    public Instant lastActivityAt() { return activity.lastAt(); }

    public List<Comment> comments() { return comments.all(); }

    public Failure failure() { return failure; }

    public List<Reopening> reopenings() { return reopenings.all(); }

    public List<Side> acceptedAgainBy() { return reopenings.acceptedAgainBy(); }

    /** A new negotiation and the events of its opening. */
    record Opening(Negotiation negotiation, List<NegotiationEvent> events) {
    }
}
