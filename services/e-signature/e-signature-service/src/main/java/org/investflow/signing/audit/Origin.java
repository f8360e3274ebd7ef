package org.investflow.signing.audit;

/**
 * Where a request came from, as the web layer saw it: the client's address and user agent. Either
 * may be null (events from the broker, or a client that sends no user agent).
 */
public record Origin(String clientAddress, String userAgent) {

    /** The service itself, acting on an event from the broker. */
    public static final Origin SYSTEM = new Origin(null, null);

    /** Cut to {@link AuditEntry#MAX_TEXT} characters, so a client cannot bloat the trail. */
    public Origin {
        clientAddress = AuditEntry.clip(clientAddress);
        userAgent = AuditEntry.clip(userAgent);
    }
}
