package org.investflow.tracking.events;

import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;

/** Topic, CloudEvents source and type strings of project tracking's events. */
public final class TrackingEvents {

    public static final String TOPIC = "tracking.events";
    public static final String PROJECT_STARTED = "org.investflow.tracking.project-started.v1";
    public static final String MILESTONE_RECORDED = "org.investflow.tracking.milestone-recorded.v1";
    public static final String PROJECT_LANDED = "org.investflow.tracking.project-landed.v1";
    public static final String CAPITAL_INJECTED = "org.investflow.tracking.capital-injected.v1";

    public static final EventCatalog CATALOG = EventCatalog.of(TOPIC, "/investflow/project-tracking",
            new EventType<>(PROJECT_STARTED, ProjectStarted.class),
            new EventType<>(MILESTONE_RECORDED, MilestoneRecorded.class),
            new EventType<>(PROJECT_LANDED, ProjectLanded.class),
            new EventType<>(CAPITAL_INJECTED, CapitalInjected.class));

    private TrackingEvents() {
    }
}
