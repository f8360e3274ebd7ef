package org.investflow.platform.domain;

import java.time.Instant;

/**
 * One line of a case's audit trail in a service: which event, caused by whom in which role, when.
 *
 * @param eventId the CloudEvents id of the event, to find it on its topic
 * @param type    the event's versioned type
 */
public record AuditEntry(String eventId, String type, String actorId, String actorRole, Instant time) {

    static AuditEntry of(OutboxMessage message) {
        return new AuditEntry(message.eventId(), message.type(), message.actorId(), message.actorRole(), message.time());
    }
}
