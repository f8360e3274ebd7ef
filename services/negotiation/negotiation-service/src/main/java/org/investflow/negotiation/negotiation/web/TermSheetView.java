package org.investflow.negotiation.negotiation.web;

import java.time.Instant;

import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.negotiation.Approval;
import org.investflow.negotiation.negotiation.Side;
import org.investflow.negotiation.negotiation.TermSheet;

/**
 * One term-sheet version as the API shows it. {@code standing} is {@code TABLED},
 * {@code PENDING_APPROVAL}, {@code REJECTED} or {@code SUPERSEDED}; the approval record is shown to
 * staff only.
 */
public record TermSheetView(int version, Terms terms, String proposedBy, Instant proposedAt, Side side, Integer basedOn,
                            String standing, Approval approval) {

    static TermSheetView of(TermSheet sheet, boolean staff) {
        return new TermSheetView(sheet.version(), sheet.terms(), sheet.proposedBy(), sheet.proposedAt(), sheet.side(),
                sheet.basedOn(), sheet.standing(), staff ? sheet.approval() : null);
    }
}
