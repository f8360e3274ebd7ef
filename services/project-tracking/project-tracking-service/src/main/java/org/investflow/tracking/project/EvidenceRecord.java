package org.investflow.tracking.project;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.investflow.platform.domain.InvalidInputException;
import org.investflow.platform.domain.RuleViolationException;

/** How one kind of evidence entries is corrected: the named entry is marked superseded, never removed or edited. */
final class EvidenceRecord {

    private EvidenceRecord() {
    }

    /**
     * Marks the entry {@code correction.supersedes()} of {@code entries} as superseded by {@code newEntryId}.
     * Refuses (naming {@code supersedes}) an entry that is not among them or does not match {@code sameKind},
     * and (409) one that a correction already replaced: the correction must name the entry in effect.
     */
    static <T extends Evidence> void supersede(List<T> entries, Correction correction, String newEntryId,
                                               Predicate<T> sameKind, BiFunction<T, String, T> marked) {
        for (int i = 0; i < entries.size(); i++) {
            T entry = entries.get(i);
            if (correction.supersedes().equals(entry.entryId()) && sameKind.test(entry)) {
                if (!entry.inEffect()) {
                    throw new RuleViolationException(entry.entryId() + " is already superseded by " + entry.supersededBy()
                            + "; correct " + entry.supersededBy() + " instead");
                }
                entries.set(i, marked.apply(entry, newEntryId));
                return;
            }
        }
        throw new InvalidInputException(Map.of("supersedes", correction.supersedes()
                + " is not an entry of this kind in the project's record"));
    }

    /** The entries no correction replaced. */
    static <T extends Evidence> List<T> inEffect(List<T> entries) {
        return entries.stream().filter(Evidence::inEffect).toList();
    }
}
