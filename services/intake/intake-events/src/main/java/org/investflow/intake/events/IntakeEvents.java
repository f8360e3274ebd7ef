package org.investflow.intake.events;

import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;

/** Topic, CloudEvents source and type strings of intake's events. */
public final class IntakeEvents {

    public static final String TOPIC = "intake.events";
    public static final String INTENTION_SUBMITTED = "org.investflow.intake.intention-submitted.v1";
    public static final String INTENTION_ACCEPTED = "org.investflow.intake.intention-accepted.v1";
    public static final String INTENTION_REJECTED = "org.investflow.intake.intention-rejected.v1";
    public static final String INTENTION_SCREENED = "org.investflow.intake.intention-screened.v1";
    public static final String INFORMATION_REQUESTED = "org.investflow.intake.information-requested.v1";
    public static final String INTENTION_UPDATED = "org.investflow.intake.intention-updated.v1";
    public static final String INTENTION_WITHDRAWN = "org.investflow.intake.intention-withdrawn.v1";
    public static final String INTENTION_REASSIGNED = "org.investflow.intake.intention-reassigned.v1";
    public static final String INTENTION_FLAGGED = "org.investflow.intake.intention-flagged.v1";

    public static final EventCatalog CATALOG = EventCatalog.of(TOPIC, "/investflow/intake",
            new EventType<>(INTENTION_SUBMITTED, IntentionSubmitted.class),
            new EventType<>(INTENTION_ACCEPTED, IntentionAccepted.class),
            new EventType<>(INTENTION_REJECTED, IntentionRejected.class),
            new EventType<>(INTENTION_SCREENED, IntentionScreened.class),
            new EventType<>(INFORMATION_REQUESTED, IntentionInformationRequested.class),
            new EventType<>(INTENTION_UPDATED, IntentionUpdated.class),
            new EventType<>(INTENTION_WITHDRAWN, IntentionWithdrawn.class),
            new EventType<>(INTENTION_REASSIGNED, IntentionReassigned.class),
            new EventType<>(INTENTION_FLAGGED, IntentionFlagged.class));

    private IntakeEvents() {
    }
}
