package org.investflow.intake.intention;

import java.time.Instant;
import java.util.List;

import org.investflow.intake.events.IntakeEvent;
import org.investflow.intake.events.IntentionAccepted;
import org.investflow.intake.events.IntentionRejected;
import org.investflow.intake.events.IntentionSubmitted;
import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.events.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A foreign investor's investment intention: the first state of an investment case. Owned by the
 * investor who submitted it. Commands return the events they caused; the application service
 * stores them with the intention.
 */
@Document("intentions")
@CompoundIndex(name = "idempotency", def = "{'investorId': 1, 'idempotencyKey': 1}", unique = true)
public class Intention extends AggregateRoot {

    @Id
    private String caseId;
    private String investorId;
    private String idempotencyKey;
    private IntentionDetails details;
    private IntentionStatus status;
    private Instant submittedAt;
    private Instant decidedAt;
    private String decidedBy;
    private String rejectionReason;

    Intention() {
    }

    /** Submits a new intention as case {@code caseId}. */
    static Submission submit(String caseId, Actor investor, String idempotencyKey, IntentionDetails details, Instant now) {
        Intention intention = new Intention();
        intention.caseId = caseId;
        intention.investorId = investor.id();
        intention.idempotencyKey = idempotencyKey;
        intention.details = details;
        intention.status = IntentionStatus.SUBMITTED;
        intention.submittedAt = now;
        IntentionSubmitted submitted = new IntentionSubmitted(caseId, investor.id(), details.companyName(),
                details.country(), details.industryCode(), details.plannedAmount(), details.currency(),
                details.plannedJobs(), details.district(), now, investor);
        return new Submission(intention, List.of(submitted));
    }

    List<IntakeEvent> accept(Actor officer, Instant now) {
        decide(IntentionStatus.ACCEPTED, officer, now);
        return List.of(new IntentionAccepted(caseId, investorId, officer.id(), details.companyName(),
                details.plannedAmount(), details.currency(), details.plannedJobs(), now, officer));
    }

    List<IntakeEvent> reject(Actor officer, String reason, Instant now) {
        decide(IntentionStatus.REJECTED, officer, now);
        rejectionReason = reason;
        return List.of(new IntentionRejected(caseId, investorId, reason, now, officer));
    }

    private void decide(IntentionStatus target, Actor officer, Instant now) {
        guard(target);
        status = target;
        decidedAt = now;
        decidedBy = officer.id();
    }

    private void guard(IntentionStatus target) {
        if (!status.canTransitionTo(target)) {
            throw new IllegalTransitionException("intention " + caseId, status, "become " + target);
        }
    }

    /** The owner may see it; case officers, leaders and admins may too. */
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

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    /** A new intention and the events of its submission. */
    record Submission(Intention intention, List<IntakeEvent> events) {
    }
}
