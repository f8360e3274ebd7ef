package org.investflow.signing.audit;

import java.time.Instant;
import java.util.List;

import org.investflow.platform.events.Actor;

/**
 * An envelope's tamper-evident audit trail: its hash-chained entries, oldest first, append-only,
 * and the hash of the last one kept apart, so a removed last entry is detected too. Stored with the
 * envelope, in the same write as every state change.
 */
public class AuditTrail {

    private List<AuditEntry> entries = List.of();
    private String head = AuditChain.GENESIS;

    /** Appends what {@code actor} did {@code at}, from {@code origin}, about the contract {@code documentHash}. */
    public void record(AuditAction action, Actor actor, Instant at, Origin origin, String documentHash) {
        entries = AuditChain.append(entries, action, actor.id(), actor.role().name(), at, origin, documentHash);
        head = AuditChain.head(entries);
    }

    /** The entries, oldest first. */
    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    /** The recorded hash of the last entry. */
    public String head() {
        return head;
    }

    /** Whether the trail is intact and ends in its recorded head, and if not, its first broken entry. */
    public AuditChain.Verification verify() {
        return AuditChain.verify(entries, head);
    }
}
