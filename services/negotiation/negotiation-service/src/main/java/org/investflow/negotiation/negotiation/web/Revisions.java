package org.investflow.negotiation.negotiation.web;

import org.investflow.negotiation.negotiation.Negotiation;

/**
 * The negotiation's revision as an HTTP entity tag: {@code "7"}. A request without {@code If-Match}
 * (or with {@code *}) is not checked, so clients of the first release keep working; one whose tag is
 * not a revision of this negotiation never matches.
 */
final class Revisions {

    private static final long NEVER = -1;

    private Revisions() {
    }

    static String etag(Negotiation negotiation) {
        return "\"" + negotiation.revision() + "\"";
    }

    /** The revision an {@code If-Match} header names; null when there is nothing to check. */
    static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            return NEVER;
        }
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException notARevision) {
            return NEVER;
        }
    }
}
