package org.investflow.signing.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditChainTest {

    static final Instant T0 = Instant.parse("2026-04-10T09:00:00Z");
    static final String DOCUMENT = "d".repeat(64);
    static final Origin BROWSER = new Origin("203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64)");

    static List<AuditEntry> chain() {
        List<AuditEntry> entries = AuditChain.append(List.of(), AuditAction.SENT, "system", "SYSTEM", T0, Origin.SYSTEM, DOCUMENT);
        entries = AuditChain.append(entries, AuditAction.VIEWED, "investor-1", "INVESTOR", T0.plusSeconds(60), BROWSER, DOCUMENT);
        entries = AuditChain.append(entries, AuditAction.SIGNED, "investor-1", "INVESTOR", T0.plusSeconds(120), BROWSER, DOCUMENT);
        entries = AuditChain.append(entries, AuditAction.SIGNED, "officer-li", "OFFICER", T0.plusSeconds(180), BROWSER, DOCUMENT);
        return AuditChain.append(entries, AuditAction.EXECUTED, "officer-li", "OFFICER", T0.plusSeconds(180), BROWSER, DOCUMENT);
    }

    static AuditEntry edited(AuditEntry entry, String actorId) {
        return new AuditEntry(entry.sequence(), entry.action(), actorId, entry.actorRole(), entry.at(), entry.clientAddress(),
                entry.userAgent(), entry.documentHash(), entry.previousHash(), entry.hash());
    }

    @Test
    void anAppendedChainLinksEveryEntryToItsPredecessorAndIsIntact() {
        List<AuditEntry> entries = chain();
        assertThat(entries).extracting(AuditEntry::sequence).containsExactly(1, 2, 3, 4, 5);
        assertThat(entries.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).previousHash()).isEqualTo(entries.get(i - 1).hash());
        }
        assertThat(entries).allSatisfy(entry -> assertThat(entry.hash()).matches("[0-9a-f]{64}").isEqualTo(AuditChain.hashOf(entry)));
        assertThat(AuditChain.verify(entries)).isEqualTo(new AuditChain.Verification(true, null, null));
        assertThat(AuditChain.verify(entries, AuditChain.head(entries)).intact()).isTrue();
        assertThat(AuditChain.verify(List.of())).extracting(AuditChain.Verification::intact).isEqualTo(true);
    }

    @Test
    void theSameEntriesHashTheSameWhateverTheTimeZoneOrRun() {
        assertThat(chain()).isEqualTo(chain());
        assertThat(AuditChain.head(chain())).isEqualTo(AuditChain.head(chain())).isNotEqualTo(AuditChain.GENESIS);
    }

    @Test
    void anEditedEntryIsNamedAsTheFirstBrokenLink() {
        List<AuditEntry> entries = new ArrayList<>(chain());
        entries.set(2, edited(entries.get(2), "mallory"));
        AuditChain.Verification verification = AuditChain.verify(entries);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenEntry()).isEqualTo(3);
        assertThat(verification.reason()).contains("entry 3").contains("hash");
    }

    @Test
    void anEditedEntryWhoseHashWasRecomputedBreaksTheNextLink() {
        List<AuditEntry> entries = new ArrayList<>(chain());
        AuditEntry forged = edited(entries.get(1), "mallory");
        entries.set(1, new AuditEntry(forged.sequence(), forged.action(), forged.actorId(), forged.actorRole(), forged.at(),
                forged.clientAddress(), forged.userAgent(), forged.documentHash(), forged.previousHash(), AuditChain.hashOf(forged)));
        assertThat(AuditChain.verify(entries).brokenEntry()).isEqualTo(3);
    }

    static Stream<Arguments> editedFields() {
        AuditEntry e = chain().get(1);
        return Stream.of(
                Arguments.of("time", new AuditEntry(e.sequence(), e.action(), e.actorId(), e.actorRole(), e.at().plusSeconds(1), e.clientAddress(), e.userAgent(), e.documentHash(), e.previousHash(), e.hash())),
                Arguments.of("address", new AuditEntry(e.sequence(), e.action(), e.actorId(), e.actorRole(), e.at(), "198.51.100.1", e.userAgent(), e.documentHash(), e.previousHash(), e.hash())),
                Arguments.of("user agent", new AuditEntry(e.sequence(), e.action(), e.actorId(), e.actorRole(), e.at(), e.clientAddress(), "curl/8", e.documentHash(), e.previousHash(), e.hash())),
                Arguments.of("document hash", new AuditEntry(e.sequence(), e.action(), e.actorId(), e.actorRole(), e.at(), e.clientAddress(), e.userAgent(), "e".repeat(64), e.previousHash(), e.hash())),
                Arguments.of("action", new AuditEntry(e.sequence(), AuditAction.SIGNED, e.actorId(), e.actorRole(), e.at(), e.clientAddress(), e.userAgent(), e.documentHash(), e.previousHash(), e.hash())),
                Arguments.of("role", new AuditEntry(e.sequence(), e.action(), e.actorId(), "OFFICER", e.at(), e.clientAddress(), e.userAgent(), e.documentHash(), e.previousHash(), e.hash())));
    }

    @ParameterizedTest(name = "an edited {0}")
    @MethodSource("editedFields")
    void anEditedTimeAddressUserAgentDocumentHashActionOrRoleIsDetected(String field, AuditEntry edited) {
        List<AuditEntry> entries = new ArrayList<>(chain());
        entries.set(1, edited);
        assertThat(AuditChain.verify(entries).brokenEntry()).isEqualTo(2);
    }

    @Test
    void aRemovedEntryIsDetected() {
        List<AuditEntry> entries = new ArrayList<>(chain());
        entries.remove(1);
        assertThat(AuditChain.verify(entries).intact()).isFalse();
        assertThat(AuditChain.verify(entries).brokenEntry()).isEqualTo(2);
        List<AuditEntry> first = new ArrayList<>(chain());
        first.remove(0);
        assertThat(AuditChain.verify(first).brokenEntry()).isEqualTo(1);
    }

    @Test
    void aRemovedLastEntryIsDetectedAgainstTheRecordedHead() {
        List<AuditEntry> entries = chain();
        String head = AuditChain.head(entries);
        List<AuditEntry> truncated = entries.subList(0, entries.size() - 1);
        assertThat(AuditChain.verify(truncated).intact()).isTrue();
        AuditChain.Verification verification = AuditChain.verify(truncated, head);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenEntry()).isEqualTo(5);
        assertThat(verification.reason()).contains("missing");
    }

    @Test
    void reorderedEntriesAreDetected() {
        List<AuditEntry> entries = new ArrayList<>(chain());
        Collections.swap(entries, 2, 3);
        assertThat(AuditChain.verify(entries).brokenEntry()).isEqualTo(3);
    }

    @Test
    void renumberedReorderedEntriesStillBreakTheChain() {
        List<AuditEntry> entries = new ArrayList<>(chain());
        Collections.swap(entries, 2, 3);
        List<AuditEntry> renumbered = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry e = entries.get(i);
            renumbered.add(new AuditEntry(i + 1, e.action(), e.actorId(), e.actorRole(), e.at(), e.clientAddress(), e.userAgent(),
                    e.documentHash(), e.previousHash(), e.hash()));
        }
        assertThat(AuditChain.verify(renumbered).brokenEntry()).isEqualTo(3);
    }

    @Test
    void timesAreKeptToTheMillisecondTheDatabaseStores() {
        List<AuditEntry> entries = AuditChain.append(List.of(), AuditAction.SENT, "a", "R", T0.plusNanos(1_234_567), Origin.SYSTEM, DOCUMENT);
        assertThat(entries.get(0).at()).isEqualTo(T0.plusMillis(1));
        assertThat(AuditChain.verify(entries).intact()).isTrue();
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        Instant at = T0;
        List<AuditEntry> a = AuditChain.append(List.of(), AuditAction.VIEWED, "a|b", "R", at, new Origin("x", null), DOCUMENT);
        List<AuditEntry> b = AuditChain.append(List.of(), AuditAction.VIEWED, "a", "b|R", at, new Origin("x", null), DOCUMENT);
        List<AuditEntry> c = AuditChain.append(List.of(), AuditAction.VIEWED, "a|b", "R", at, new Origin(null, "x"), DOCUMENT);
        assertThat(a.get(0).hash()).isNotEqualTo(b.get(0).hash()).isNotEqualTo(c.get(0).hash());
    }

    @Test
    void overlongAddressesAndUserAgentsAreClipped() {
        Origin origin = new Origin("1".repeat(2000), "u".repeat(2000));
        assertThat(origin.clientAddress()).hasSize(AuditEntry.MAX_TEXT);
        assertThat(origin.userAgent()).hasSize(AuditEntry.MAX_TEXT);
    }
}
