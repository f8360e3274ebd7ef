package org.investflow.platform.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An event waiting in an aggregate's document to be published. It is written in the same document
 * write as the state change that caused it, so it exists exactly when that change committed.
 *
 * @param eventId the CloudEvents id, unique per event, also the consumers' deduplication key
 * @param topic   where it goes
 * @param type    the versioned CloudEvents type
 * @param source  the CloudEvents source
 * @param caseId  Kafka key and CloudEvents subject
 * @param time    when it happened
 * @param payload the JSON body
 * @param actorId   who caused it
 * @param actorRole in which role
 */
public record OutboxMessage(String eventId, String topic, String type, String source, String caseId, Instant time,
                            String payload, String actorId, String actorRole) {

    public OutboxMessage {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(actorRole, "actorRole");
    }
}
