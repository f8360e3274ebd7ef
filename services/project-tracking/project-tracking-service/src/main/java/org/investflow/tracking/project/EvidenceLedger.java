package org.investflow.tracking.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import org.investflow.platform.domain.InvalidInputException;
import org.investflow.platform.domain.RuleViolationException;

/**
 * An append-only record of one kind of evidence (milestones, capital injections, jobs reports). Nothing is
 * edited or removed: a correction is a new entry naming the one it supersedes with a reason, and the old one
 * stays, marked superseded. Figures read the entries in effect.
 */
public final class EvidenceLedger<T> {

    private List<EvidenceEntry<T>> entries = new ArrayList<>();

    /** Appends {@code fact} as a new entry, or (with a {@code correction}, else null) as the correction it makes. */
    EvidenceEntry<T> append(T fact, EvidenceEntry.Stamp stamp, Correction correction) {
        return correction == null ? add(EvidenceEntry.of(fact, stamp, null)) : correct(fact, stamp, correction, (old, next) -> true);
    }

    /**
     * Appends {@code fact} as the correction of the entry {@code correction} names, which is marked superseded.
     * Refuses (naming {@code supersedes}) an entry that is not in this ledger or whose fact is not {@code sameKind}
     * as the new one, and (409) one that a correction already replaced: only the entry in effect is corrected.
     */
    EvidenceEntry<T> correct(T fact, EvidenceEntry.Stamp stamp, Correction correction, BiPredicate<T, T> sameKind) {
        int index = indexOf(correction.supersedes(), fact, sameKind);
        EvidenceEntry<T> corrected = entries.get(index);
        if (!corrected.inEffect()) {
            throw new RuleViolationException(corrected.entryId() + " is already superseded by " + corrected.supersededBy()
                    + "; correct " + corrected.supersededBy() + " instead");
        }
        entries.set(index, corrected.supersededBy(stamp.entryId()));
        return add(EvidenceEntry.of(fact, stamp, correction));
    }

    private int indexOf(String entryId, T fact, BiPredicate<T, T> sameKind) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).entryId().equals(entryId) && sameKind.test(entries.get(i).fact(), fact)) {
                return i;
            }
        }
        throw new InvalidInputException(Map.of("supersedes", entryId + " is not an entry of this kind in the project's record"));
    }

    private EvidenceEntry<T> add(EvidenceEntry<T> entry) {
        entries.add(entry);
        return entry;
    }

    /** Every entry, corrections and superseded ones included, oldest first. */
    public List<EvidenceEntry<T>> entries() {
        return List.copyOf(entries);
    }

    /** The entries no correction replaced, oldest first. */
    public List<EvidenceEntry<T>> inEffect() {
        return entries.stream().filter(EvidenceEntry::inEffect).toList();
    }

    /** The facts of the entries in effect, oldest first. */
    public List<T> factsInEffect() {
        return inEffect().stream().map(EvidenceEntry::fact).toList();
    }

    /** How many entries the ledger holds, superseded ones included. */
    int size() {
        return entries.size();
    }
}
