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
import org.investflow.negotiation.events.NegotiationReopened;
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
 * as if the case did not exist. A contract that falls through reopens the agreement: the agreed version is
 * on the table again until both parties accepted it again or one of them countered, and the next agreement
 * supersedes the former one, which stays in {@code reopenings}. Commands return the events they caused;
 * the application service stores them with the negotiation. {@code revision} counts the changes and is the
 * API's ETag.
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
    private List<Reopening> reopenings = new ArrayList<>();
    private List<Side> acceptedAgainBy = new ArrayList<>();

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
                approvalFor(terms, reasons, now));
        termSheets.add(sheet);
        touch(now);
        if (sheet.isPendingApproval()) {
            pendingApprovalSince = now;
            return List.of(new ApprovalRequested(caseId, investorId, sheet.version(), reasons, now, party));
        }
        return List.of(putOnTable(sheet, now, party));
    }

    /** No approval within the policy; the last approval when no approval-relevant term changed; else a request. */
    private Approval approvalFor(Terms terms, List<String> reasons, Instant now) {
        if (reasons.isEmpty()) {
            return null;
        }
        TermSheet approved = lastApprovedWithSameTerms(terms);
        return approved == null ? Approval.requested(reasons, now) : Approval.carriedOver(reasons, approved, now);
    }

    /** The last approved version, if it agrees with {@code terms} on every approval-relevant term; else null. */
    private TermSheet lastApprovedWithSameTerms(Terms terms) {
        for (int i = termSheets.size() - 1; i >= 0; i--) {
            TermSheet sheet = termSheets.get(i);
            if (sheet.approval() != null && sheet.approval().isApproved()) {
                return ApprovalPolicy.sameApprovalRelevantTerms(sheet.terms(), terms) ? sheet : null;
            }
        }
        return null;
    }

    /**
     * The other party accepts the latest version on the table: the terms are frozen as the agreement. After a
     * reopening, both parties accept the agreed version again; the first acceptance is only remembered.
     */
    List<NegotiationEvent> accept(int version, Actor party, ApprovalPolicy policy, String agreementId, Instant now) {
        requireParty(party);
        guard(NegotiationStatus.AGREED, "accept version " + version);
        TermSheet sheet = acceptable(version, party);
        Side side = Side.of(party.role());
        requireWithinPolicy(sheet, side, policy);
        if (status == NegotiationStatus.REOPENED) {
            return acceptAgain(sheet, side, party, agreementId, now);
        }
        if (sheet.side() == side) {
            throw new RuleViolationException("version " + version + " is your own proposal; the other party accepts it");
        }
        return agree(sheet, party, agreementId, now);
    }

    private void requireWithinPolicy(TermSheet sheet, Side accepting, ApprovalPolicy policy) {
        List<String> reasons = policy.reasonsFor(sheet.terms());
        if (accepting == Side.COMMISSION && sheet.side() == Side.INVESTOR && !reasons.isEmpty()
                && lastApprovedWithSameTerms(sheet.terms()) == null) {
            throw new RuleViolationException("version " + sheet.version() + " exceeds the incentive policy ("
                    + String.join("; ", reasons) + "); counter-offer these terms so that a leader can approve them");
        }
    }

    private List<NegotiationEvent> acceptAgain(TermSheet sheet, Side side, Actor party, String agreementId, Instant now) {
        if (acceptedAgainBy.contains(side)) {
            throw new RuleViolationException("you already accepted version " + sheet.version()
                    + " again; the other party's acceptance is awaited");
        }
        acceptedAgainBy.add(side);
        if (acceptedAgainBy.size() < Side.values().length) {
            touch(now);
            return List.of();
        }
        return agree(sheet, party, agreementId, now);
    }

    private List<NegotiationEvent> agree(TermSheet sheet, Actor party, String agreementId, Instant now) {
        supersedePending(now);
        status = NegotiationStatus.AGREED;
        acceptedAgainBy.clear();
        Terms terms = sheet.terms();
        String supersedes = reopenings.isEmpty() ? null : reopenings.get(reopenings.size() - 1).agreement().fingerprint().hex();
        agreement = new Agreement(agreementId, sheet.version(), terms, TermsFingerprint.of(terms), party.id(), now, supersedes);
        touch(now);
        return List.of(new AgreementReached(caseId, investorId, officerId, agreementId, sheet.version(), companyName, terms,
                agreement.fingerprint().hex(), now, party, supersedes));
    }

    /**
     * The contract drafted from the current agreement was declined, expired or voided: the agreed version is
     * on the table again and the agreement moves to the history. An outcome about an earlier agreement, or
     * about an envelope that already reopened the negotiation, changes nothing; one about terms this case
     * never agreed on is refused.
     */
    List<NegotiationEvent> reopen(ContractOutcome outcome, String causeEventId, Instant now) {
        if (!concernsCurrentAgreement(outcome)) {
            return List.of();
        }
        guard(NegotiationStatus.REOPENED, "reopen (contract " + outcome.cause().toLowerCase() + ")");
        reopenings.add(new Reopening(agreement, outcome.cause(), outcome.reason(), outcome.envelopeId(), now));
        int version = agreement.version();
        String fingerprint = agreement.fingerprint().hex();
        agreement = null;
        status = NegotiationStatus.REOPENED;
        acceptedAgainBy.clear();
        markHandled(causeEventId);
        touch(now);
        return List.of(new NegotiationReopened(caseId, investorId, officerId, version, outcome.envelopeId(), fingerprint,
                outcome.cause(), outcome.reason(), now, Actor.SYSTEM));
    }

    private boolean concernsCurrentAgreement(ContractOutcome outcome) {
        boolean alreadyReopened = reopenings.stream().anyMatch(past -> past.envelopeId().equals(outcome.envelopeId()));
        if (agreement != null && agreement.fingerprint().hex().equals(outcome.termsFingerprint()) && !alreadyReopened) {
            return true;
        }
        if (alreadyReopened || reopenings.stream().anyMatch(past -> past.agreement().fingerprint().hex()
                .equals(outcome.termsFingerprint()))) {
            return false;
        }
        throw new RuleViolationException("negotiation " + caseId + " never agreed on terms with fingerprint "
                + outcome.termsFingerprint() + " (contract " + outcome.cause().toLowerCase() + ")");
    }

    /** A leader other than its author approves the version waiting for approval; it goes on the table. */
    List<NegotiationEvent> approve(int version, Actor leader, String reason, Instant now) {
        TermSheet sheet = pendingForDecision(version, leader);
        replace(sheet.withApproval(sheet.approval().decided(ApprovalState.APPROVED, leader.id(), reason, now)));
        touch(now);
        return List.of(new ApprovalDecided(caseId, investorId, version, ApprovalDecided.APPROVED, reason, now, leader),
                putOnTable(termSheets.get(version - 1), now, leader));
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
        if (!status.isNegotiating() || !lastActivity().isBefore(now.minus(period))) {
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

    /** A version goes on the table: after a reopening, that ends the wait for both acceptances. */
    private TermsProposed putOnTable(TermSheet sheet, Instant now, Actor actor) {
        status = NegotiationStatus.OPEN;
        acceptedAgainBy.clear();
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

    /** The agreements whose contracts fell through, oldest first. */
    public List<Reopening> reopenings() {
        return reopenings == null ? List.of() : List.copyOf(reopenings);
    }

    /** While reopened: the parties who accepted the agreed version again. */
    public List<Side> acceptedAgainBy() {
        return acceptedAgainBy == null ? List.of() : List.copyOf(acceptedAgainBy);
    }

    /** A new negotiation and the events of its opening. */
    record Opening(Negotiation negotiation, List<NegotiationEvent> events) {
    }
}
