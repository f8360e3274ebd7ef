package org.investflow.signing.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds and checks hash chains of {@link AuditEntry audit entries}. Each entry's hash is the SHA-256
 * of its canonical form: every field but the hash, in a fixed order, each written as
 * {@code <length>:<UTF-8 text>} (a null as {@code -}), the instant in ISO-8601 UTC. Length prefixes
 * make the form unambiguous: no choice of texts gives two entries the same form.
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /**
     * {@code entries} with one more entry for {@code action}, chained to the last one. The time is
     * cut to milliseconds, the precision the database keeps, so a stored entry hashes as it did.
     */
    public static List<AuditEntry> append(List<AuditEntry> entries, AuditAction action, String actorId, String actorRole,
                                          Instant at, Origin origin, String documentHash) {
        List<AuditEntry> chained = new ArrayList<>(entries);
        String previous = chained.isEmpty() ? GENESIS : chained.get(chained.size() - 1).hash();
        AuditEntry unsealed = new AuditEntry(chained.size() + 1, action, actorId, actorRole, at.truncatedTo(ChronoUnit.MILLIS), origin.clientAddress(),
                origin.userAgent(), documentHash, previous, null);
        chained.add(new AuditEntry(unsealed.sequence(), action, actorId, actorRole, unsealed.at(), unsealed.clientAddress(),
                unsealed.userAgent(), documentHash, previous, hashOf(unsealed)));
        return List.copyOf(chained);
    }

    /** The hash of the last entry, or {@link #GENESIS} for an empty chain. */
    public static String head(List<AuditEntry> entries) {
        return entries.isEmpty() ? GENESIS : entries.get(entries.size() - 1).hash();
    }

    /**
     * Checks every link: consecutive sequences from 1, each entry chained to its predecessor's hash
     * and hashing to its own. Names the first entry (by position, 1-based) that breaks the chain.
     */
    public static Verification verify(List<AuditEntry> entries) {
        String previous = GENESIS;
        for (int index = 0; index < entries.size(); index++) {
            AuditEntry entry = entries.get(index);
            int position = index + 1;
            if (entry.sequence() != position) {
                return Verification.broken(position, "sequence " + entry.sequence() + " where " + position + " was expected");
            }
            if (!previous.equals(entry.previousHash())) {
                return Verification.broken(position, "not chained to the previous entry");
            }
            if (!hashOf(entry).equals(entry.hash())) {
                return Verification.broken(position, "its content does not match its hash");
            }
            previous = entry.hash();
        }
        return new Verification(true, null, null);
    }

    /**
     * As {@link #verify(List)}, and the chain must end in {@code recordedHead} (kept apart from the
     * entries, written with them): an entry removed from the end is detected too.
     */
    public static Verification verify(List<AuditEntry> entries, String recordedHead) {
        Verification links = verify(entries);
        if (!links.intact() || recordedHead == null || recordedHead.equals(head(entries))) {
            return links;
        }
        return Verification.broken(entries.size() + 1, "missing: the chain ends before its recorded head");
    }

    /** SHA-256 (hex) of the entry's canonical form; the entry's own hash takes no part. */
    public static String hashOf(AuditEntry entry) {
        StringBuilder form = new StringBuilder("investflow-audit/v1|");
        field(form, Integer.toString(entry.sequence()));
        field(form, entry.action().name());
        field(form, entry.actorId());
        field(form, entry.actorRole());
        field(form, entry.at().toString());
        field(form, entry.clientAddress());
        field(form, entry.userAgent());
        field(form, entry.documentHash());
        field(form, entry.previousHash());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(form.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void field(StringBuilder form, String value) {
        if (value == null) {
            form.append("-|");
            return;
        }
        form.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append('|');
    }

    /**
     * The outcome of {@link #verify}.
     *
     * @param intact      every link holds
     * @param brokenEntry the position (1-based) of the first entry that breaks the chain, null when intact
     * @param reason      why it breaks, null when intact
     */
    public record Verification(boolean intact, Integer brokenEntry, String reason) {

        static Verification broken(int position, String reason) {
            return new Verification(false, position, "entry " + position + ": " + reason);
        }
    }
}
