package org.investflow.negotiation.negotiation.web;

import java.time.Instant;
import java.util.List;

import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.negotiation.Negotiation;
import org.investflow.negotiation.negotiation.TermSheet;

/** One term-sheet version as the API shows it. */
public record TermSheetView(int version, Terms terms, String proposedBy, Instant proposedAt) {

    static TermSheetView of(TermSheet sheet) {
        return new TermSheetView(sheet.version(), sheet.terms(), sheet.proposedBy(), sheet.proposedAt());
    }

    static TermSheetView latestOf(Negotiation negotiation) {
        List<TermSheet> sheets = negotiation.termSheets();
        return of(sheets.get(sheets.size() - 1));
    }
}
