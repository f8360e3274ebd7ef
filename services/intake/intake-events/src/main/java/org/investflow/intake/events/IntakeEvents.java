package org.investflow.intake.events;

import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;

/** Topic, CloudEvents source and type strings of intake's events. */
public final class IntakeEvents {

    public static final String TOPIC = "intake.events";
    public static final String INTENTION_SUBMITTED = "org.investflow.intake.intention-submitted.v1";
    public static final String INTENTION_ACCEPTED = "org.investflow.intake.intention-accepted.v1";
    public static final String INTENTION_REJECTED = "org.investflow.intake.intention-rejected.v1";

    public static final EventCatalog CATALOG = EventCatalog.of(TOPIC, "/investflow/intake",
            new EventType<>(INTENTION_SUBMITTED, IntentionSubmitted.class),
            new EventType<>(INTENTION_ACCEPTED, IntentionAccepted.class),
            new EventType<>(INTENTION_REJECTED, IntentionRejected.class));

    private IntakeEvents() {
    }
}
