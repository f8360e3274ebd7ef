package org.investflow.platform.messaging;

import java.time.Instant;

import org.investflow.platform.domain.CaseId;

/**
 * An event read off a topic: its CloudEvents attributes and its data as the contract's record.
 * Handlers see the record and its {@link EventMetadata}, never this.
 *
 * @param id     CloudEvents id, the deduplication key
 * @param type   versioned CloudEvents type
 * @param caseId Kafka key / CloudEvents subject
 * @param time   when it happened at its producer
 * @param data   the record
 */
public record IncomingEvent(String id, String type, String caseId, Instant time, Record data) {

    /** The attributes a handler sees beside the record. */
    public EventMetadata metadata() {
        return new EventMetadata(id, type, CaseId.of(caseId), time);
    }
}
