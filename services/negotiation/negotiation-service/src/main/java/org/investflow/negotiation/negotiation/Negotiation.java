package org.investflow.negotiation.negotiation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.investflow.negotiation.events.AgreementReached;
import org.investflow.negotiation.events.ApprovalDecided;
import org.investflow.negotiation.events.ApprovalEscalated;
import org.investflow.negotiation.events.ApprovalRequested;
import org.investflow.negotiation.events.NegotiationEvent;
import org.investflow.negotiation.events.NegotiationFailed;
import org.investflow.negotiation.events.NegotiationOpened;
import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.events.TermsProposed;
import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The negotiation of one investment case between its investor and the case officer who accepted
 * the intention. Either party proposes term sheets, each a new immutable version that counters the
 * one on the table; a commission version beyond the incentive policy waits, unseen by the investor,
 * for a leader other than its author. Agreement is reached when the other party accepts the latest
 * version on the table, which freezes its terms. Anyone but the owner acting as investor is answered
 * as if the case did not exist. Commands return the events they caused; the application service
 * stores them with the negotiation. {@code revision} counts the changes and is the API's ETag.
 */
@Document("negotiations")
public class Negotiation extends AggregateRoot {

    @Id
    private String caseId;
    private String investorId;
    private String officerId;
    private String companyName;
    private NegotiationStatus status;
    private Instant openedAt;
    private List<TermSheet> termSheets = new ArrayList<>();
    private Agreement agreement;
    private long revision;
    private Instant lastActivityAt;
    private Instant pendingApprovalSince;
    private boolean pendingApprovalEscalated;
    private List<Comment> comments = new ArrayList<>();
    private Failure failure;

    Negotiation() {
    }

    /** Opens the negotiation of an accepted intention, remembering the event that caused it. */
    static Opening open(AcceptedIntention intention, String causeEventId, Instant now) {
        Negotiation negotiation = new Negotiation();
        negotiation.caseId = intention.caseId();
        negotiation.investorId = intention.investorId();
        negotiation.officerId = intention.officerId();
        negotiation.companyName = intention.companyName();
        negotiation.status = NegotiationStatus.OPEN;
        negotiation.openedAt = now;
        negotiation.lastActivityAt = now;
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
        requireParty(party);
        guard(NegotiationStatus.OPEN, "propose terms");
        TermsCheck.require(terms, today);
        Integer predecessor = predecessor(basedOn, party);
        Side side = Side.of(party.role());
        List<String> reasons = side == Side.COMMISSION ? policy.reasonsFor(terms) : List.of();
        supersedePending(now);
        TermSheet sheet = new TermSheet(termSheets.size() + 1, terms, party.id(), now, side, predecessor,
                reasons.isEmpty() ? null : Approval.requested(reasons, now));
        termSheets.add(sheet);
        touch(now);
        if (sheet.isPendingApproval()) {
            pendingApprovalSince = now;
            return List.of(new ApprovalRequested(caseId, investorId, sheet.version(), reasons, now, party));
        }
        return List.of(tabled(sheet, now, party));
    }

    /** The other party accepts the latest version on the table: the terms are frozen as the agreement. */
    List<NegotiationEvent> accept(int version, Actor party, ApprovalPolicy policy, String agreementId, Instant now) {
        requireParty(party);
        guard(NegotiationStatus.AGREED, "accept version " + version);
        TermSheet sheet = acceptable(version, party);
        if (sheet.side() == Side.of(party.role())) {
            throw new RuleViolationException("version " + version + " is your own proposal; the other party accepts it");
        }
        if (sheet.side() == Side.INVESTOR && !policy.reasonsFor(sheet.terms()).isEmpty()) {
            throw new RuleViolationException("version " + version + " exceeds the incentive policy ("
                    + String.join("; ", policy.reasonsFor(sheet.terms()))
                    + "); counter-offer these terms so that a leader can approve them");
        }
        supersedePending(now);
        status = NegotiationStatus.AGREED;
        Terms terms = sheet.terms();
        agreement = new Agreement(agreementId, version, terms, TermsFingerprint.of(terms), party.id(), now);
        touch(now);
        return List.of(new AgreementReached(caseId, investorId, officerId, agreementId, version, companyName, terms,
                agreement.fingerprint().hex(), now, party));
    }

    /** A leader other than its author approves the version waiting for approval; it goes on the table. */
    List<NegotiationEvent> approve(int version, Actor leader, String reason, Instant now) {
        TermSheet sheet = pendingForDecision(version, leader);
        replace(sheet.withApproval(sheet.approval().decided(ApprovalState.APPROVED, leader.id(), reason, now)));
        touch(now);
        return List.of(new ApprovalDecided(caseId, investorId, version, ApprovalDecided.APPROVED, reason, now, leader),
                tabled(termSheets.get(version - 1), now, leader));
    }

    /** A leader other than its author rejects the version; the investor never sees it. */
    List<NegotiationEvent> reject(int version, Actor leader, String reason, Instant now) {
        TermSheet sheet = pendingForDecision(version, leader);
        replace(sheet.withApproval(sheet.approval().decided(ApprovalState.REJECTED, leader.id(), reason, now)));
        touch(now);
        return List.of(new ApprovalDecided(caseId, investorId, version, ApprovalDecided.REJECTED, reason, now, leader));
    }

    /** Raises the pending approval once it has waited longer than {@code after}; nothing when it has not. */
    List<NegotiationEvent> escalate(Duration after, Instant now) {
        if (pendingApprovalSince == null || pendingApprovalEscalated || !pendingApprovalSince.isBefore(now.minus(after))) {
            return List.of();
        }
        TermSheet sheet = termSheets.get(termSheets.size() - 1);
        replace(sheet.withApproval(sheet.approval().escalated(now)));
        pendingApprovalEscalated = true;
        revision++;
        return List.of(new ApprovalEscalated(caseId, investorId, sheet.version(), pendingApprovalSince, now, Actor.SYSTEM));
    }

    /** Either party leaves the table; the negotiation fails. */
    List<NegotiationEvent> withdraw(Actor party, String reason, Instant now) {
        requireParty(party);
        return fail(NegotiationFailed.WITHDRAWN, reason, party, now);
    }

    /** Fails the negotiation when nothing happened for longer than {@code period}; nothing when something did. */
    List<NegotiationEvent> expireIfInactive(Duration period, Instant now) {
        if (status != NegotiationStatus.OPEN || !lastActivity().isBefore(now.minus(period))) {
            return List.of();
        }
        return fail(NegotiationFailed.INACTIVE, "no activity for " + period, Actor.SYSTEM, now);
    }

    /** A party adds a remark to the thread. */
    Comment comment(Actor party, String text, Instant now) {
        requireParty(party);
        Comment comment = new Comment(party.id(), party.role(), text, now);
        comments.add(comment);
        touch(now);
        return comment;
    }

    /** Refuses a command based on a revision that is no longer current ({@code If-Match}); null skips the check. */
    void requireRevision(Long expected) {
        if (expected != null && expected != revision) {
            throw new StaleRevisionException(caseId, expected, revision);
        }
    }

    private List<NegotiationEvent> fail(String reason, String detail, Actor actor, Instant now) {
        guard(NegotiationStatus.FAILED, "end the negotiation (" + reason.toLowerCase() + ")");
        supersedePending(now);
        status = NegotiationStatus.FAILED;
        failure = new Failure(reason, detail, actor.id(), now);
        touch(now);
        return List.of(new NegotiationFailed(caseId, investorId, reason, detail, now, actor));
    }

    private TermsProposed tabled(TermSheet sheet, Instant now, Actor actor) {
        return new TermsProposed(caseId, investorId, sheet.version(), sheet.terms(), now, actor, sheet.basedOn());
    }

    private Integer predecessor(Integer basedOn, Actor party) {
        TermSheet onTable = onTable();
        Integer current = onTable == null ? null : onTable.version();
        if (basedOn != null && !basedOn.equals(current)) {
            visibleTo(basedOn, party);
            throw new RuleViolationException("version " + basedOn + " is no longer on the table; "
                    + (current == null ? "no version is" : "version " + current + " is") + "; counter that one");
        }
        return current;
    }

    private TermSheet acceptable(int version, Actor party) {
        TermSheet sheet = visibleTo(version, party);
        TermSheet onTable = onTable();
        if (!sheet.isTabled()) {
            throw new RuleViolationException("version " + version + " is " + sheet.standing()
                    + " and not on the table; only an approved version can be accepted");
        }
        if (onTable.version() != version) {
            throw new RuleViolationException("version " + version + " was superseded by version " + onTable.version()
                    + "; only the latest version can be accepted");
        }
        return sheet;
    }

    private TermSheet pendingForDecision(int version, Actor leader) {
        guard(NegotiationStatus.OPEN, "decide on the approval of version " + version);
        TermSheet sheet = visibleTo(version, leader);
        if (!sheet.isPendingApproval()) {
            throw new RuleViolationException("version " + version + " is " + sheet.standing() + ", not waiting for approval");
        }
        if (sheet.proposedBy().equals(leader.id())) {
            throw new ForbiddenException("the author of version " + version + " may not decide on its approval");
        }
        pendingApprovalSince = null;
        pendingApprovalEscalated = false;
        return sheet;
    }

    /** The version as {@code viewer} may see it; versions the investor may not see are not found for them. */
    private TermSheet visibleTo(int version, Actor viewer) {
        if (version < 1 || version > termSheets.size()
                || !isVisibleTo(termSheets.get(version - 1), viewer)) {
            throw new NotFoundException("term sheet version " + version + " of negotiation", caseId);
        }
        return termSheets.get(version - 1);
    }

    /** The latest version on the table, or null before the first. */
    private TermSheet onTable() {
        for (int i = termSheets.size() - 1; i >= 0; i--) {
            if (termSheets.get(i).isTabled()) {
                return termSheets.get(i);
            }
        }
        return null;
    }

    /** A waiting commission version loses its purpose when anything newer happens at the table. */
    private void supersedePending(Instant now) {
        if (!termSheets.isEmpty() && termSheets.get(termSheets.size() - 1).isPendingApproval()) {
            TermSheet pending = termSheets.get(termSheets.size() - 1);
            replace(pending.withApproval(pending.approval().decided(ApprovalState.SUPERSEDED, null, null, now)));
            pendingApprovalSince = null;
            pendingApprovalEscalated = false;
        }
    }

    private void replace(TermSheet sheet) {
        termSheets.set(sheet.version() - 1, sheet);
    }

    private void touch(Instant now) {
        lastActivityAt = now;
        revision++;
    }

    private void requireParty(Actor party) {
        boolean investor = "INVESTOR".equals(party.role());
        if (investor && !isOwnedBy(party.id())) {
            throw new NotFoundException("negotiation", caseId);
        }
        if (!investor && !isAssignedTo(party.id())) {
            throw new ForbiddenException("negotiation " + caseId + " is assigned to another case officer");
        }
    }

    private void guard(NegotiationStatus target, String attempted) {
        if (!status.canTransitionTo(target)) {
            throw new IllegalTransitionException("negotiation " + caseId, status, attempted);
        }
    }

    /** Whether {@code viewer} may see {@code sheet}: staff see every version, the investor only tabled ones. */
    public static boolean isVisibleTo(TermSheet sheet, Actor viewer) {
        return !viewer.actsAsInvestor() || sheet.isTabled();
    }

    /** The diff between two versions {@code viewer} may both see. */
    public TermsDiff diff(int from, int to, Actor viewer) {
        return TermsDiff.between(visibleTo(from, viewer), visibleTo(to, viewer));
    }

    /** The owner may see and accept it; case officers, leaders and admins may see it too. */
    boolean isOwnedBy(String userId) {
        return investorId.equals(userId);
    }

    /** Only the officer the case is assigned to negotiates for the commission; other officers may only read it. */
    boolean isAssignedTo(String userId) {
        return officerId.equals(userId);
    }

    /** The version waiting for approval, as the pending-approvals report lists it; null when none waits. */
    public PendingApproval pendingApproval() {
        if (pendingApprovalSince == null) {
            return null;
        }
        TermSheet sheet = termSheets.get(termSheets.size() - 1);
        return new PendingApproval(caseId, sheet.version(), sheet.proposedBy(), sheet.approval().reasons(),
                pendingApprovalSince, pendingApprovalEscalated);
    }

    private Instant lastActivity() {
        return Objects.requireNonNullElse(lastActivityAt, openedAt);
    }

    public String caseId() {
        return caseId;
    }

    public String investorId() {
        return investorId;
    }

    public String officerId() {
        return officerId;
    }

    public String companyName() {
        return companyName;
    }

    public NegotiationStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public List<TermSheet> termSheets() {
        return List.copyOf(termSheets);
    }

    public Agreement agreement() {
        return agreement;
    }

    public long revision() {
        return revision;
    }

    public Instant lastActivityAt() {
        return lastActivity();
    }

    public List<Comment> comments() {
        return comments == null ? List.of() : List.copyOf(comments);
    }

    public Failure failure() {
        return failure;
    }

    /** A new negotiation and the events of its opening. */
    record Opening(Negotiation negotiation, List<NegotiationEvent> events) {
    }
}
