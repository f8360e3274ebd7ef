package org.investflow.tracking.pipeline;

import java.time.Instant;

/**
 * Which cases a pipeline figure covers; every part is optional (null = all).
 *
 * @param openedFrom  cases whose first known fact is at or after this instant
 * @param openedUntil cases whose first known fact is before this instant
 */
public record PipelineFilter(String country, String industryCode, String district, Instant openedFrom, Instant openedUntil) {

    /** Every case. */
    public static final PipelineFilter ALL = new PipelineFilter(null, null, null, null, null);
}
