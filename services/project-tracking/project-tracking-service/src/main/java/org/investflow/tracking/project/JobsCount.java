package org.investflow.tracking.project;

import java.time.LocalDate;
import java.util.Objects;

/** Jobs the project created up to a day, as an officer reports them. */
public record JobsCount(int jobsCreated, LocalDate asOf) {

    public JobsCount {
        Objects.requireNonNull(asOf, "asOf");
        if (jobsCreated < 0) {
            throw new IllegalArgumentException("jobs created must not be negative");
        }
    }
}
