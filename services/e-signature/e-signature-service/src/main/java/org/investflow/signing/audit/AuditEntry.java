package org.investflow.signing.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One link of an envelope's audit chain. {@code hash} is the SHA-256 (hex) of the entry's canonical
 * form, which includes {@code previousHash}, so editing, removing or reordering any entry breaks
 * the chain from there on ({@link AuditChain#verify}).
 *
 * @param sequence      1 for the first entry, then consecutive
 * @param action        what happened
 * @param actorId       who did it (user id, or {@code system})
 * @param actorRole     the role they acted in
 * @param at            when (UTC, from the service's clock)
 * @param clientAddress the client's address, null for the system
 * @param userAgent     the client's user agent, null for the system or when not sent
 * @param documentHash  SHA-256 of the contract the action was about
 * @param previousHash  the previous entry's hash; {@link AuditChain#GENESIS} for the first
 * @param hash          SHA-256 of this entry's canonical form
 */
public record AuditEntry(int sequence, AuditAction action, String actorId, String actorRole, Instant at,
                         String clientAddress, String userAgent, String documentHash, String previousHash, String hash) {

    /** Longest address or user agent kept. */
    public static final int MAX_TEXT = 512;

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
    }

    static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
