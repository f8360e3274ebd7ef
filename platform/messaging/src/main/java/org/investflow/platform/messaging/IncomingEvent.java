package org.investflow.platform.messaging;

import java.time.Instant;

/**
 * An event read off a topic: its CloudEvents attributes and its data as the contract's record.
 *
 * @param id     CloudEvents id, the deduplication key
 * @param type   versioned CloudEvents type
 * @param caseId Kafka key / CloudEvents subject
 * @param time   when it happened at its producer
 * @param data   the record
 */
public record IncomingEvent(String id, String type, String caseId, Instant time, Record data) {
}
