package org.investflow.tracking.pipeline;

import java.time.Duration;

/**
 * What one rebuild did.
 *
 * @param records  records read from the topics (the first pass and both catch-ups)
 * @param applied  events that changed a case in the first pass
 * @param cases    cases in the rebuilt collection
 * @param skipped  records that could not be read (dead-lettered when they were live)
 * @param duration from the start of the replay until the rebuilt collection was in place and caught up
 */
public record RebuildReport(long records, long applied, long cases, long skipped, Duration duration) {
}
