package org.investflow.tracking.project;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an {@link EvidenceLedger}: what an officer stated ({@code fact}), its id in the project's record,
 * who recorded it when and, for a correction, the entry it {@code supersedes} and why. Entries are never edited;
 * a later correction only marks this one {@code supersededBy} itself.
 *
 * @param entryId      the project's id of this entry ({@code E1}, {@code E2}…)
 * @param supersedes   the entry this one corrects, or null
 * @param reason       why this entry corrects another, or null when it corrects none
 * @param supersededBy the correction that replaced this entry, or null while it is in effect
 */
public record EvidenceEntry<T>(T fact, String entryId, String recordedBy, Instant recordedAt, String supersedes,
                               String reason, String supersededBy) {

    public EvidenceEntry {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** A new entry of {@code fact}, correcting what {@code correction} names (none when null). */
    static <T> EvidenceEntry<T> of(T fact, Stamp stamp, Correction correction) {
        return new EvidenceEntry<>(fact, stamp.entryId(), stamp.recordedBy(), stamp.recordedAt(),
                Correction.supersedesOf(correction), Correction.reasonOf(correction), null);
    }

    /** Whether this entry still counts: no correction replaced it. */
    public boolean inEffect() {
        return supersededBy == null;
    }

    EvidenceEntry<T> supersededBy(String correction) {
        return new EvidenceEntry<>(fact, entryId, recordedBy, recordedAt, supersedes, reason, correction);
    }

    /** The id a new entry gets, and who records it when. */
    record Stamp(String entryId, String recordedBy, Instant recordedAt) {
    }
}
