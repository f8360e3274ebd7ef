package org.investflow.tracking.events;

import org.investflow.platform.events.CaseEvent;

/** An event of a contracted investment project's life, from its start until it lands. */
public sealed interface TrackingEvent extends CaseEvent permits ProjectStarted, MilestoneRecorded, ProjectLanded,
        CapitalInjected, JobsReported, ProjectDelayed, ProjectBackOnTrack, ProjectOperating {

    /** The investor who owns the case and the project. */
    String investorId();
}
