package org.investflow.tracking.project;

/**
 * An entry of a project's evidence record (a milestone, a capital injection, a jobs report). Entries are
 * never edited: a correction is a new entry that names the one it {@code supersedes}, and the old entry
 * stays in the record, marked {@code supersededBy} the correction. Figures read the effective entries only.
 */
public interface Evidence {

    /** The project's id of this entry ({@code E1}, {@code E2}…); null for entries stored before entries had ids. */
    String entryId();

    /** The entry this one corrects, or null. */
    String supersedes();

    /** Why this entry corrects another, or null when it corrects none. */
    String reason();

    /** The correction that replaced this entry, or null while it is in effect. */
    String supersededBy();

    /** Whether this entry still counts: no correction replaced it. */
    default boolean inEffect() {
        return supersededBy() == null;
    }
}
