package org.investflow.platform.events;

import java.time.Instant;

/**
 * What every published event has: the investment case it belongs to (its Kafka key and CloudEvents
 * subject), when it happened and who caused it.
 */
public interface CaseEvent {

    String caseId();

    Instant occurredAt();

    Actor actor();
}
