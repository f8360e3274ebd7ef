package org.investflow.tracking.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;

import org.investflow.platform.domain.InvalidInputException;
import org.investflow.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generic ledger alone, over plain strings: append-only entries, corrections, the view in effect. */
class EvidenceLedgerTest {

    static final Instant AT = Instant.parse("2026-06-30T17:00:00Z");

    static EvidenceEntry.Stamp stamp(int entry) {
        return new EvidenceEntry.Stamp("E" + entry, "officer-li", AT.plusSeconds(entry));
    }

    static EvidenceLedger<String> ledgerOf(String... facts) {
        EvidenceLedger<String> ledger = new EvidenceLedger<>();
        for (int i = 0; i < facts.length; i++) {
            ledger.append(facts[i], stamp(i + 1), null);
        }
        return ledger;
    }

    @Test
    void appendedEntriesKeepTheirStampAndOrderAndAllCount() {
        EvidenceLedger<String> ledger = ledgerOf("first", "second");

        assertThat(ledger.entries()).extracting(EvidenceEntry::fact, EvidenceEntry::entryId, EvidenceEntry::recordedBy)
                .containsExactly(tuple("first", "E1", "officer-li"),
                        tuple("second", "E2", "officer-li"));
        assertThat(ledger.factsInEffect()).containsExactly("first", "second");
        assertThat(ledger.size()).isEqualTo(2);
    }

    @Test
    void aCorrectionIsANewEntryNamingTheOldOneWhichStaysMarkedAndStopsCounting() {
        EvidenceLedger<String> ledger = ledgerOf("first", "second");

        EvidenceEntry<String> correction = ledger.append("second, corrected", stamp(3), new Correction("E2", "typo"));

        assertThat(correction.supersedes()).isEqualTo("E2");
        assertThat(correction.reason()).isEqualTo("typo");
        assertThat(ledger.entries()).hasSize(3);
        assertThat(ledger.entries().get(1).supersededBy()).isEqualTo("E3");
        assertThat(ledger.entries().get(1).fact()).as("the old entry is not edited").isEqualTo("second");
        assertThat(ledger.factsInEffect()).containsExactly("first", "second, corrected");
    }

    @Test
    void onlyTheEntryInEffectCanBeCorrectedAndTheRefusalNamesItsCorrection() {
        EvidenceLedger<String> ledger = ledgerOf("first");
        ledger.append("again", stamp(2), new Correction("E1", "wrong"));

        assertThatThrownBy(() -> ledger.append("third time", stamp(3), new Correction("E1", "still wrong")))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("superseded by E2");
        assertThat(ledger.append("third time", stamp(3), new Correction("E2", "still wrong")).supersedes()).isEqualTo("E2");
    }

    @ParameterizedTest(name = "supersedes {0}")
    @ValueSource(strings = {"E9", "E0"})
    void aCorrectionOfAnEntryNotInTheLedgerIsRefusedNamingSupersedes(String supersedes) {
        EvidenceLedger<String> ledger = ledgerOf("first");

        assertThatThrownBy(() -> ledger.append("x", stamp(2), new Correction(supersedes, "why")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refused -> assertThat(refused.fieldErrors()).containsKey("supersedes"));
        assertThat(ledger.entries()).hasSize(1);
    }

    @Test
    void aCorrectionMustBeOfTheSameKindAsTheEntryItNames() {
        EvidenceLedger<String> ledger = ledgerOf("apple");

        assertThatThrownBy(() -> ledger.correct("pear", stamp(2), new Correction("E1", "why"),
                (old, next) -> old.charAt(0) == next.charAt(0))).isInstanceOf(InvalidInputException.class);
        assertThat(ledger.correct("avocado", stamp(2), new Correction("E1", "why"),
                (old, next) -> old.charAt(0) == next.charAt(0)).fact()).isEqualTo("avocado");
    }

    @Test
    void anEntryNeedsAFactAnIdAndWhoRecordedItWhen() {
        assertThatThrownBy(() -> new EvidenceEntry<>(null, "E1", "officer-li", AT, null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new EvidenceEntry<>("fact", null, "officer-li", AT, null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThat(new EvidenceEntry<>("fact", "E1", "officer-li", AT, null, null, null).inEffect()).isTrue();
    }
}
