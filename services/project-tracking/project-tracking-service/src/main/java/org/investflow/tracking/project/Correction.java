package org.investflow.tracking.project;

import java.util.Map;

import org.investflow.platform.domain.InvalidInputException;

/**
 * An officer's statement that a new entry replaces an earlier one of the project's evidence record.
 *
 * @param supersedes the id of the entry replaced ({@code E3})
 * @param reason     why, as the officer wrote it: required, at most 500 characters
 */
public record Correction(String supersedes, String reason) {

    public Correction {
        if (supersedes == null || !supersedes.matches("E[0-9]{1,9}")) {
            throw new InvalidInputException(Map.of("supersedes", "must name an entry of the project, like E3"));
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException(Map.of("reason", "a correction needs a reason of 1 to 500 characters"));
        }
    }

    /** The entry {@code correction} supersedes, or null for no correction. */
    static String supersedesOf(Correction correction) {
        return correction == null ? null : correction.supersedes();
    }

    /** The reason of {@code correction}, or null for no correction. */
    static String reasonOf(Correction correction) {
        return correction == null ? null : correction.reason();
    }
}
