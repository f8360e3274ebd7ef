package org.investflow.negotiation.negotiation.web;

import java.util.List;

import org.investflow.negotiation.negotiation.TermsDiff;

/** A diff between two versions: the changes for machines, the same as text for people. */
public record DiffView(int from, int to, List<TermsDiff.Change> changes, String text) {

    static DiffView of(TermsDiff diff) {
        return new DiffView(diff.from(), diff.to(), diff.changes(), diff.text());
    }
}
