package org.investflow.negotiation.negotiation;

import java.util.Map;

import org.investflow.negotiation.events.Terms;
import org.investflow.platform.domain.InvalidInputException;

/**
 * How far a party may grow a negotiation. Every list a party adds to is bounded, so one case document stays
 * far below MongoDB's 16 MB limit, past which every save of the case would fail: with the defaults
 * (50 versions of at most a 64 KB request each, 200 comments of at most 4,000 characters) it stays under 6 MB.
 * Beyond a limit the request is refused naming the list and the limit; nothing is stored.
 *
 * @param termSheetVersions versions (proposals and counter-offers) per negotiation
 * @param comments          comments per negotiation
 * @param specialConditions special conditions per version
 */
public record NegotiationLimits(int termSheetVersions, int comments, int specialConditions) {

    public NegotiationLimits {
        if (termSheetVersions < 1 || comments < 1 || specialConditions < 0) {
            throw new IllegalArgumentException("negotiation limits must allow at least one version and one comment");
        }
    }

    /** Refuses a proposal that would exceed the versions of {@code negotiation} or a version's special conditions. */
    void checkProposal(Negotiation negotiation, Terms terms) {
        if (negotiation.termSheets().size() >= termSheetVersions) {
            throw exceeded("termSheets", "a negotiation holds at most " + termSheetVersions + " versions");
        }
        if (terms.specialConditions().size() > specialConditions) {
            throw exceeded("specialConditions", "a version holds at most " + specialConditions + " special conditions");
        }
    }

    /** Refuses a comment beyond the thread's limit. */
    void checkComment(Negotiation negotiation) {
        if (negotiation.comments().size() >= comments) {
            throw exceeded("comments", "a negotiation holds at most " + comments + " comments");
        }
    }

    private static InvalidInputException exceeded(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }
}
