package org.investflow.platform.messaging.deadletters;

/**
 * One record of a {@code <topic>.DLT}: where it sits there, where it came from, why it failed (from
 * spring-kafka's {@code kafka_dlt-*} headers) and which event it carries (CloudEvents id and type).
 */
public record DeadLetter(int partition, long offset, String key, String originalTopic, Integer originalPartition,
                         Long originalOffset, String exception, String reason, String eventId, String eventType) {
}
