package org.investflow.platform.messaging;

import java.time.Instant;

import org.investflow.platform.domain.CaseId;

/**
 * What a handler knows of an incoming event besides its data: the CloudEvents id (the inbox key a
 * handler remembers with its state change), the versioned type, the case and when it happened.
 *
 * @param id     CloudEvents id, the deduplication key
 * @param type   versioned CloudEvents type
 * @param caseId Kafka key / CloudEvents subject
 * @param time   when it happened at its producer
 */
public record EventMetadata(String id, String type, CaseId caseId, Instant time) {
}
