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
import org.investflow.intake.events.IntentionScreened;
import org.investflow.intake.events.IntentionSubmitted;
import org.investflow.intake.events.IntentionUpdated;
import org.investflow.intake.events.IntentionWithdrawn;
import org.investflow.intake.events.ScreeningReason;
import org.investflow.intake.screening.CompanyKey;
import org.investflow.intake.screening.ScreeningResult;
import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.events.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A foreign investor's investment intention: the first state of an investment case, owned by the
 * investor who submitted it and, once screened, assigned to one case officer. Commands return the
 * events they caused; the application service stores them with the intention.
 */
@Document("intentions")
@CompoundIndexes({
    @CompoundIndex(name = "idempotency", def = "{'investorId': 1, 'idempotencyKey': 1}", unique = true),
    @CompoundIndex(name = "queue", def = "{'assignedOfficerId': 1, 'status': 1, 'submittedAt': -1}"),
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
    private ScreeningResult screening;
    private String assignedOfficerId;
    private Instant assignedAt;
    private Instant decidedAt;
    private String decidedBy;
    private RejectionReason rejectionReason;
    private String rejectionText;
    private String informationRequest;
    private List<String> flagsRaised = new ArrayList<>();

    Intention() {
    }

    /** Saves a new draft as case {@code caseId}; it is the investor's alone until submitted. */
    static Intention draft(String caseId, Actor investor, String idempotencyKey, IntentionDraft draft) {
        Intention intention = new Intention();
        intention.caseId = caseId;
        intention.investorId = investor.id();
        intention.idempotencyKey = idempotencyKey;
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

    /** The saved draft, or null once submitted. */
    public IntentionDraft draft() {
        return draft;
    }

    /** Submits a new intention as case {@code caseId}, screened and routed to {@code officer} (may be null). */
    static Submission submit(String caseId, Actor investor, String idempotencyKey, IntentionDetails details,
                             ScreeningResult screening, String officer, Instant now) {
        Intention intention = new Intention();
        intention.caseId = caseId;
        intention.investorId = investor.id();
        intention.idempotencyKey = idempotencyKey;
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
        events.addAll(screened(screening, assignedOfficerId, now));
        return events;
    }

    List<IntakeEvent> accept(Actor officer, Instant now) {
        requireAssigned(officer);
        decide(IntentionStatus.ACCEPTED, officer, now);
        return List.of(new IntentionAccepted(caseId, investorId, officer.id(), details.companyName(),
                details.plannedAmount(), details.currency(), details.plannedJobs(), now, officer));
    }

    List<IntakeEvent> requestInformation(Actor officer, String message, Instant now) {
        requireAssigned(officer);
        guard(IntentionStatus.INFORMATION_REQUESTED, "request information");
        status = IntentionStatus.INFORMATION_REQUESTED;
        informationRequest = message;
        return List.of(new IntentionInformationRequested(caseId, investorId, assignedOfficerId, message, now, officer));
    }

    List<IntakeEvent> reject(Actor officer, RejectionReason reason, String text, Instant now) {
        requireAssigned(officer);
        decide(IntentionStatus.REJECTED, officer, now);
        return rejected(reason, text, officer, now);
    }

    /** Withdraws an open intention; a draft is simply discarded, as nobody else knows of it. */
    List<IntakeEvent> withdraw(Actor investor, String reason, Instant now) {
        guard(IntentionStatus.WITHDRAWN, "be withdrawn");
        boolean wasDraft = status == IntentionStatus.DRAFT;
        status = IntentionStatus.WITHDRAWN;
        decidedAt = now;
        decidedBy = investor.id();
        return wasDraft ? List.of() : List.of(new IntentionWithdrawn(caseId, investorId, reason, now, investor));
    }

    List<IntakeEvent> reassign(Actor leader, String officer, Instant now) {
        if (!status.open()) {
            throw new IllegalTransitionException("intention " + caseId, status, "be reassigned");
        }
        String previous = assignedOfficerId;
        assign(officer, now);
        return List.of(new IntentionReassigned(caseId, investorId, previous, officer, now, leader));
    }

    /** Raises a flag once (e.g. OVERDUE); true when it was not raised before. */
    boolean raise(ScreeningResult.Flag flag) {
        if (flagsRaised.contains(flag.name())) {
            return false;
        }
        flagsRaised.add(flag.name());
        return true;
    }

    /** Flags an open intention that waited past its service level; nothing when flagged or decided already. */
    List<IntakeEvent> flagOverdue(String detail, Instant now) {
        if (!status.open() || !raise(ScreeningResult.Flag.OVERDUE)) {
            return List.of();
        }
        return List.of(new IntentionFlagged(caseId, investorId, ScreeningResult.Flag.OVERDUE.name(), detail,
                assignedOfficerId, now, Actor.SYSTEM));
    }

    private List<IntakeEvent> screened(ScreeningResult result, String officer, Instant now) {
        screening = result;
        assign(officer, now);
        List<IntakeEvent> events = new ArrayList<>(List.of(new IntentionScreened(caseId, investorId, result.outcome().name(),
                result.flags().stream().map(Enum::name).sorted().toList(),
                result.reasons().stream().map(r -> new ScreeningReason(r.rule(), r.detail())).toList(),
                result.duplicateOf(), result.reportingAmount(), result.reportingCurrency(), assignedOfficerId, now, Actor.SYSTEM)));
        if (result.prohibited()) {
            decide(IntentionStatus.REJECTED, Actor.SYSTEM, now);
            events.addAll(rejected(RejectionReason.NEGATIVE_LIST, result.reasons().get(0).detail(), Actor.SYSTEM, now));
        }
        return events;
    }

    private List<IntakeEvent> rejected(RejectionReason reason, String text, Actor actor, Instant now) {
        rejectionReason = reason;
        rejectionText = text;
        return List.of(new IntentionRejected(caseId, investorId, reason.name(), text, now, actor));
    }

    private void take(IntentionDetails given) {
        details = given;
        companyKey = CompanyKey.of(given.companyName());
    }

    private void assign(String officer, Instant now) {
        if (officer != null && !officer.equals(assignedOfficerId)) {
            assignedOfficerId = officer;
            assignedAt = now;
        }
    }

    private void requireAssigned(Actor officer) {
        if (assignedOfficerId == null) {
            assign(officer.id(), null);
        } else if (!assignedOfficerId.equals(officer.id())) {
            throw new ForbiddenException("case " + caseId + " is assigned to another officer");
        }
    }

    private void decide(IntentionStatus target, Actor actor, Instant now) {
        guard(target, "become " + target);
        status = target;
        decidedAt = now;
        decidedBy = actor.id();
    }

    private void guard(IntentionStatus target, String attempted) {
        if (!status.canTransitionTo(target)) {
            throw new IllegalTransitionException("intention " + caseId, status, attempted);
        }
    }

    boolean isOwnedBy(String userId) {
        return investorId.equals(userId);
    }

    public String caseId() {
        return caseId;
    }

    public String investorId() {
        return investorId;
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
        return screening;
    }

    public String assignedOfficerId() {
        return assignedOfficerId;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public RejectionReason rejectionReason() {
        return rejectionReason;
    }

    public String rejectionText() {
        return rejectionText;
    }

    public String informationRequest() {
        return informationRequest;
    }

    public List<String> flags() {
        List<String> all = new ArrayList<>(screening == null ? List.of() : screening.flags().stream().map(Enum::name).toList());
        all.addAll(flagsRaised);
        return all.stream().distinct().sorted().toList();
    }

    /** A new intention and the events of its submission. */
    record Submission(Intention intention, List<IntakeEvent> events) {
    }
}
