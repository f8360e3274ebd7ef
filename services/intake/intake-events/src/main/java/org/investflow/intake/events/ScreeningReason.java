package org.investflow.intake.events;

import java.util.Objects;

/**
 * One screening rule that fired for an intention.
 *
 * @param rule   e.g. {@code negative-list-2024#10}, {@code duplicate}, {@code major-project}
 * @param detail the explanation
 */
public record ScreeningReason(String rule, String detail) {

    public ScreeningReason {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }
}
