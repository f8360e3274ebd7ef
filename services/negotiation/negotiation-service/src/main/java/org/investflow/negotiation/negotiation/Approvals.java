package org.investflow.negotiation.negotiation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.investflow.negotiation.events.Terms;
import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;

/**
 * Maker-checker over the term-sheet table: a commission version beyond the incentive policy waits for
 * a leader other than its author, is escalated when it waits too long, and loses its purpose when anything
 * newer happens at the table. Remembers since when a version waits, which the pending-approvals report
 * and the escalation watch query.
 */
public class Approvals {

    private Instant pendingSince;
    private boolean escalated;

    /** No approval within the policy; the last approval when no approval-relevant term changed; else a request. */
    static Approval requiredFor(Terms terms, List<String> reasons, TermSheetTable table, Instant now) {
        if (reasons.isEmpty()) {
            return null;
        }
        TermSheet approved = table.lastApprovedWithSameTerms(terms);
        return approved == null ? Approval.requested(reasons, now) : Approval.carriedOver(reasons, approved, now);
    }

    /** {@code sheet} was just proposed: when it needs a decision, the wait starts now. */
    void track(TermSheet sheet, Instant now) {
        if (sheet.isPendingApproval()) {
            pendingSince = now;
        }
    }

    /** A leader other than its author decides on the waiting version; the decided version is returned. */
    TermSheet decide(TermSheetTable table, int version, Actor leader, ApprovalState decision, String reason, Instant now,
                     String caseId) {
        TermSheet sheet = table.visibleTo(version, leader, caseId);
        if (!sheet.isPendingApproval()) {
            throw new RuleViolationException("version " + version + " is " + sheet.standing() + ", not waiting for approval");
        }
        if (sheet.proposedBy().equals(leader.id())) {
            throw new ForbiddenException("the author of version " + version + " may not decide on its approval");
        }
        return close(table, sheet, sheet.approval().decided(decision, leader.id(), reason, now));
    }

    /** The waiting version, escalated once it has waited longer than {@code after}; null when it has not. */
    TermSheet escalate(TermSheetTable table, Duration after, Instant now) {
        if (pendingSince == null || escalated || !pendingSince.isBefore(now.minus(after))) {
            return null;
        }
        TermSheet sheet = table.pending();
        TermSheet raised = sheet.withApproval(sheet.approval().escalated(now));
        table.replace(raised);
        escalated = true;
        return raised;
    }

    /** A waiting commission version loses its purpose when anything newer happens at the table. */
    void supersede(TermSheetTable table, Instant now) {
        TermSheet pending = table.pending();
        if (pending != null) {
            close(table, pending, pending.approval().decided(ApprovalState.SUPERSEDED, null, null, now));
        }
    }

    /** The commission may accept an investor version beyond the policy only when a leader approved those terms. */
    static void requireWithinPolicy(TermSheetTable table, TermSheet sheet, Side accepting, ApprovalPolicy policy) {
        List<String> reasons = policy.reasonsFor(sheet.terms());
        if (accepting == Side.COMMISSION && sheet.side() == Side.INVESTOR && !reasons.isEmpty()
                && table.lastApprovedWithSameTerms(sheet.terms()) == null) {
            throw new RuleViolationException("version " + sheet.version() + " exceeds the incentive policy ("
                    + String.join("; ", reasons) + "); counter-offer these terms so that a leader can approve them");
        }
    }

    /** The version waiting for approval, as the pending-approvals report lists it; null when none waits. */
    PendingApproval pending(String caseId, TermSheetTable table) {
        if (pendingSince == null) {
            return null;
        }
        TermSheet sheet = table.pending();
        return new PendingApproval(caseId, sheet.version(), sheet.proposedBy(), sheet.approval().reasons(), pendingSince,
                escalated);
    }

    /** Since when a version waits, null when none does. */
    Instant pendingSince() {
        return pendingSince;
    }

    private TermSheet close(TermSheetTable table, TermSheet sheet, Approval decided) {
        TermSheet closed = sheet.withApproval(decided);
        table.replace(closed);
        pendingSince = null;
        escalated = false;
        return closed;
    }
}
