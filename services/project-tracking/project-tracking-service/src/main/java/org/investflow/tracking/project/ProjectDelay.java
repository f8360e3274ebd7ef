package org.investflow.tracking.project;

import java.time.Instant;
import java.util.List;

/**
 * Whether a project is delayed: the milestones of the landing rule overdue without evidence, and since
 * when the project has been delayed. {@link #NONE} while it is not. A value: every change is a new one.
 *
 * @param overdue the overdue milestones in the commission's order; empty when not delayed
 * @param since   when the project became delayed (kept while the set of overdue milestones narrows); null when not
 */
public record ProjectDelay(List<Milestone> overdue, Instant since) {

    static final ProjectDelay NONE = new ProjectDelay(List.of(), null);

    public ProjectDelay {
        overdue = List.copyOf(overdue);
    }

    /** The delay once a check at {@code now} finds {@code missing} overdue. */
    ProjectDelay after(List<Milestone> missing, Instant now) {
        return missing.isEmpty() ? NONE : new ProjectDelay(missing, overdue.isEmpty() ? now : since);
    }

    /** The delay once evidence leaves only the overdue milestones that are still {@code missing}. */
    ProjectDelay narrowedTo(List<Milestone> missing) {
        return after(overdue.stream().filter(missing::contains).toList(), since);
    }

    /** Whether this delay names other overdue milestones than {@code other}: a change worth an event. */
    boolean differsFrom(ProjectDelay other) {
        return !overdue.equals(other.overdue);
    }
}
