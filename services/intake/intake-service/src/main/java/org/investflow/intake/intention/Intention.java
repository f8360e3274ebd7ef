package org.investflow.intake.intention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.investflow.intake.events.IntakeEvent;
import org.investflow.intake.events.IntentionAccepted;
import org.investflow.intake.events.IntentionFlagged;
import org.investflow.intake.events.IntentionInformationRequested;
import org.investflow.intake.events.IntentionReassigned;
import org.investflow.intake.events.IntentionRejected;
import org.investflow.intake.events.IntentionSubmitted;
import org.investflow.intake.events.IntentionUpdated;
import org.investflow.intake.events.IntentionWithdrawn;
import org.investflow.intake.screening.CompanyKey;
import org.investflow.intake.screening.ScreeningResult;
import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.CaseId;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.events.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A foreign investor's investment intention: the first state of an investment case, owned by the
 * investor who submitted it and, once screened, assigned to one case officer. A state machine
 * ({@link IntentionStatus}) over embedded parts: the saved {@link IntentionDraft}, the
 * {@link ScreeningRecord} with its flags, the {@link OfficerAssignment} and the closing {@link Decision}.
 * Commands return the events they caused; the application service stores them with the intention.
 */
@Document("intentions")
@CompoundIndexes({
    @CompoundIndex(name = "idempotency", def = "{'investorId': 1, 'idempotencyKey': 1}", unique = true),
    @CompoundIndex(name = "queue", def = "{'assignment.officerId': 1, 'status': 1, 'submittedAt': -1}"),
    @CompoundIndex(name = "duplicates", def = "{'companyKey': 1, 'details.industryCode': 1, 'details.district': 1}")
})
public class Intention extends AggregateRoot {

    @Id
    private String caseId;
    private String investorId;
    private String idempotencyKey;
    private IntentionDraft draft;
    private IntentionDetails details;
    private String companyKey;
    private IntentionStatus status;
    private Instant submittedAt;
    private ScreeningRecord screening = new ScreeningRecord();
    private OfficerAssignment assignment;
    private String informationRequest;
    private Decision decision;

    Intention() {
    }

    private Intention(String caseId, Actor investor, String idempotencyKey) {
        this.caseId = caseId;
        this.investorId = investor.id();
        this.idempotencyKey = idempotencyKey;
    }

    /** Saves a new draft as case {@code caseId}; it is the investor's alone until submitted. */
    static Intention draft(String caseId, Actor investor, String idempotencyKey, IntentionDraft draft) {
        Intention intention = new Intention(caseId, investor, idempotencyKey);
        intention.status = IntentionStatus.DRAFT;
        intention.draft = draft;
        return intention;
    }

    /** Replaces the saved draft. */
    void redraft(IntentionDraft changed) {
        if (status != IntentionStatus.DRAFT) {
            throw new IllegalTransitionException("intention " + caseId, status, "be redrafted");
        }
        draft = changed;
    }

    /** Submits the draft, completed as {@code details}, screened and routed. */
    List<IntakeEvent> submitDraft(Actor investor, IntentionDetails details, ScreeningResult screening, String officer,
                                  Instant now) {
        guard(IntentionStatus.IN_REVIEW, "be submitted");
        draft = null;
        return submitted(investor, details, screening, officer, now);
    }

    /** Submits a new intention as case {@code caseId}, screened and routed to {@code officer} (may be null). */
    static Submission submit(String caseId, Actor investor, String idempotencyKey, IntentionDetails details,
                             ScreeningResult screening, String officer, Instant now) {
        Intention intention = new Intention(caseId, investor, idempotencyKey);
        return new Submission(intention, intention.submitted(investor, details, screening, officer, now));
    }

    private List<IntakeEvent> submitted(Actor investor, IntentionDetails details, ScreeningResult screening, String officer,
                                        Instant now) {
        submittedAt = now;
        status = IntentionStatus.IN_REVIEW;
        take(details);
        List<IntakeEvent> events = new ArrayList<>();
        events.add(new IntentionSubmitted(caseId, investor.id(), details.companyName(), details.country(),
                details.industryCode(), details.plannedAmount(), details.currency(), details.plannedJobs(),
                details.district(), now, investor));
        events.addAll(screened(screening, officer, now));
        return events;
    }

    /** The investor's update after a request for information: screened again, back to review. */
    List<IntakeEvent> update(Actor investor, IntentionDetails updated, ScreeningResult screening, Instant now) {
        guard(IntentionStatus.IN_REVIEW, "be updated");
        take(updated);
        status = IntentionStatus.IN_REVIEW;
        informationRequest = null;
        List<IntakeEvent> events = new ArrayList<>(List.of(new IntentionUpdated(caseId, investorId, now, investor)));
        events.addAll(screened(screening, assignedOfficerId(), now));
        return events;
    }

    List<IntakeEvent> accept(Actor officer, Instant now) {
        actOn(officer);
        close(IntentionStatus.ACCEPTED, Decision.by(officer.id(), now));
        return List.of(new IntentionAccepted(caseId, investorId, officer.id(), details.companyName(),
                details.plannedAmount(), details.currency(), details.plannedJobs(), now, officer, details.registrationNumber(),
                details.country()));
    }

    List<IntakeEvent> requestInformation(Actor officer, String message, Instant now) {
        actOn(officer);
        guard(IntentionStatus.INFORMATION_REQUESTED, "request information");
        status = IntentionStatus.INFORMATION_REQUESTED;
        informationRequest = message;
        return List.of(new IntentionInformationRequested(caseId, investorId, assignedOfficerId(), message, now, officer));
    }

    List<IntakeEvent> reject(Actor officer, RejectionReason reason, String text, Instant now) {
        actOn(officer);
        return rejected(officer, reason, text, now);
    }

    /** Withdraws an open intention; a draft is simply discarded, as nobody else knows of it. */
    List<IntakeEvent> withdraw(Actor investor, String reason, Instant now) {
        boolean wasDraft = status == IntentionStatus.DRAFT;
        close(IntentionStatus.WITHDRAWN, Decision.by(investor.id(), now));
        return wasDraft ? List.of() : List.of(new IntentionWithdrawn(caseId, investorId, reason, now, investor));
    }

    List<IntakeEvent> reassign(Actor leader, String officer, Instant now) {
        if (!status.open()) {
            throw new IllegalTransitionException("intention " + caseId, status, "be reassigned");
        }
        String previous = assignedOfficerId();
        assignment = OfficerAssignment.routed(assignment, officer, now);
        return List.of(new IntentionReassigned(caseId, investorId, previous, officer, now, leader));
    }

    /** Raises a flag once (e.g. OVERDUE); true when it was not raised before. */
    boolean raise(ScreeningResult.Flag flag) {
        return screening.raise(flag);
    }

    /** Flags an open intention that waited past its service level; nothing when flagged or decided already. */
    List<IntakeEvent> flagOverdue(String detail, Instant now) {
        if (!status.open() || !raise(ScreeningResult.Flag.OVERDUE)) {
            return List.of();
        }
        return List.of(new IntentionFlagged(caseId, investorId, ScreeningResult.Flag.OVERDUE.name(), detail,
                assignedOfficerId(), now, Actor.SYSTEM));
    }

    private List<IntakeEvent> screened(ScreeningResult result, String officer, Instant now) {
        screening.take(result);
        assignment = OfficerAssignment.routed(assignment, officer, now);
        List<IntakeEvent> events = new ArrayList<>(List.of(
                ScreeningRecord.screened(caseId, investorId, result, assignedOfficerId(), now)));
        if (result.prohibited()) {
            events.addAll(rejected(Actor.SYSTEM, RejectionReason.NEGATIVE_LIST, result.reasons().get(0).detail(), now));
        }
        return events;
    }

    private List<IntakeEvent> rejected(Actor actor, RejectionReason reason, String text, Instant now) {
        close(IntentionStatus.REJECTED, Decision.rejection(actor.id(), reason, text, now));
        return List.of(new IntentionRejected(caseId, investorId, reason.name(), text, now, actor));
    }

    private void take(IntentionDetails given) {
        details = given;
        companyKey = CompanyKey.of(given.companyName());
    }

    private void actOn(Actor officer) {
        assignment = OfficerAssignment.actingOn(assignment, officer, caseId);
    }

    private void close(IntentionStatus target, Decision closing) {
        guard(target, "become " + target);
        status = target;
        decision = closing;
    }

    private void guard(IntentionStatus target, String attempted) {
        if (!status.canTransitionTo(target)) {
            throw new IllegalTransitionException("intention " + caseId, status, attempted);
        }
    }

    /** Investors see their own intentions; staff see submitted ones, never a draft (the investor's alone). */
    boolean isVisibleTo(Actor viewer) {
        return viewer.maySee(this::isOwnedBy) && (status != IntentionStatus.DRAFT || isOwnedBy(viewer.id()));
    }

    boolean isOwnedBy(String userId) {
        return investorId.equals(userId);
    }

    /**
     * Whether this submitted case is of the same company (name key or registration number), industry and
     * district as {@code other}, submitted since {@code since}: what makes a later intention its duplicate.
     */
    public boolean sameCompanyAs(IntentionDetails other, Instant since) {
        return details != null && submittedAt != null && !submittedAt.isBefore(since)
                && (companyKey.equals(CompanyKey.of(other.companyName()))
                        || details.registrationNumber().equals(other.registrationNumber()))
                && details.industryCode().equals(other.industryCode()) && details.district().equals(other.district());
    }

    public CaseId caseId() {
        return CaseId.of(caseId);
    }

    public String investorId() {
        return investorId;
    }

    /** The saved draft, or null once submitted. */
    public IntentionDraft draft() {
        return draft;
    }

    public IntentionDetails details() {
        return details;
    }

    public IntentionStatus status() {
        return status;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public ScreeningResult screening() {
        return screening.result();
    }

    /** Screening's flags and those raised later, each once, sorted. */
    public List<String> flags() {
        return screening.flags();
    }

    public String assignedOfficerId() {
        return assignment == null ? null : assignment.officerId();
    }

    public Instant assignedAt() {
        return assignment == null ? null : assignment.since();
    }

    public String informationRequest() {
        return informationRequest;
    }

    /** How the intention was closed; null while it is open. */
    public Decision decision() {
        return decision;
    }

    /** A new intention and the events of its submission. */
    record Submission(Intention intention, List<IntakeEvent> events) {
    }
}
