package org.investflow.negotiation.negotiation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.investflow.negotiation.events.Terms;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;

/**
 * The term-sheet versions of one negotiation, oldest first: which one is on the table, which ones a
 * viewer may see, which one a party may counter or accept. Versions are appended, never edited; only a
 * version's approval record is replaced.
 */
public class TermSheetTable {

    private List<TermSheet> versions = new ArrayList<>();

    /** Appends the next version. */
    TermSheet add(Terms terms, Actor party, Side side, Integer basedOn, Approval approval, Instant now) {
        TermSheet sheet = new TermSheet(versions.size() + 1, terms, party.id(), now, side, basedOn, approval);
        versions.add(sheet);
        return sheet;
    }

    /** Replaces a version by the same version with a changed approval record. */
    void replace(TermSheet sheet) {
        versions.set(sheet.version() - 1, sheet);
    }

    /** The newest version, or null before the first. */
    TermSheet latest() {
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    /** The newest version if it waits for a leader's decision, else null. */
    TermSheet pending() {
        TermSheet latest = latest();
        return latest != null && latest.isPendingApproval() ? latest : null;
    }

    /** The latest version on the table, or null before the first. */
    TermSheet onTable() {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).isTabled()) {
                return versions.get(i);
            }
        }
        return null;
    }

    /** The last approved version, if it agrees with {@code terms} on every approval-relevant term; else null. */
    TermSheet lastApprovedWithSameTerms(Terms terms) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            TermSheet sheet = versions.get(i);
            if (sheet.approval() != null && sheet.approval().isApproved()) {
                return ApprovalPolicy.sameApprovalRelevantTerms(sheet.terms(), terms) ? sheet : null;
            }
        }
        return null;
    }

    /** The version as {@code viewer} may see it; versions the investor may not see are not found for them. */
    TermSheet visibleTo(int version, Actor viewer, String caseId) {
        if (version < 1 || version > versions.size() || !versions.get(version - 1).isVisibleTo(viewer)) {
            throw new NotFoundException("term sheet version " + version + " of negotiation", caseId);
        }
        return versions.get(version - 1);
    }

    /** The version a new proposal counters: the one on the table, which {@code basedOn} (when given) must name. */
    Integer countered(Integer basedOn, Actor party, String caseId) {
        TermSheet onTable = onTable();
        Integer current = onTable == null ? null : onTable.version();
        if (basedOn != null && !basedOn.equals(current)) {
            visibleTo(basedOn, party, caseId);
            throw new RuleViolationException("version " + basedOn + " is no longer on the table; "
                    + (current == null ? "no version is" : "version " + current + " is") + "; counter that one");
        }
        return current;
    }

    /** The version {@code party} accepts: it must be the latest version on the table. */
    TermSheet acceptable(int version, Actor party, String caseId) {
        TermSheet sheet = visibleTo(version, party, caseId);
        if (!sheet.isTabled()) {
            throw new RuleViolationException("version " + version + " is " + sheet.standing()
                    + " and not on the table; only an approved version can be accepted");
        }
        TermSheet onTable = onTable();
        if (onTable.version() != version) {
            throw new RuleViolationException("version " + version + " was superseded by version " + onTable.version()
                    + "; only the latest version can be accepted");
        }
        return sheet;
    }

    /** Every version, oldest first. */
    List<TermSheet> all() {
        return List.copyOf(versions);
    }
}
