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
    public static final String JOBS_REPORTED = "org.investflow.tracking.jobs-reported.v1";
    public static final String PROJECT_DELAYED = "org.investflow.tracking.project-delayed.v1";
    public static final String PROJECT_BACK_ON_TRACK = "org.investflow.tracking.project-back-on-track.v1";
    public static final String PROJECT_OPERATING = "org.investflow.tracking.project-operating.v1";

    public static final EventCatalog CATALOG = EventCatalog.of(TOPIC, "/investflow/project-tracking",
            new EventType<>(PROJECT_STARTED, ProjectStarted.class),
            new EventType<>(MILESTONE_RECORDED, MilestoneRecorded.class),
            new EventType<>(PROJECT_LANDED, ProjectLanded.class),
            new EventType<>(CAPITAL_INJECTED, CapitalInjected.class),
            new EventType<>(JOBS_REPORTED, JobsReported.class),
            new EventType<>(PROJECT_DELAYED, ProjectDelayed.class),
            new EventType<>(PROJECT_BACK_ON_TRACK, ProjectBackOnTrack.class),
            new EventType<>(PROJECT_OPERATING, ProjectOperating.class));

    private TrackingEvents() {
    }
}
