package org.investflow.platform.messaging;

import java.time.Duration;

import org.springframework.dao.OptimisticLockingFailureException;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * The retry a command applies when its save loses an optimistic-lock race (another command, or the
 * outbox relay removing a published event, saved the aggregate first): the whole load-decide-save
 * chain runs again on the fresh document. Bounded, so a hot aggregate surfaces as a 409.
 */
public final class ConcurrentChanges {

    private ConcurrentChanges() {
    }

    /** Use as {@code load().flatMap(decideAndSave).retryWhen(ConcurrentChanges.retry())}. */
    public static RetryBackoffSpec retry() {
        return Retry.backoff(5, Duration.ofMillis(20))
                .filter(OptimisticLockingFailureException.class::isInstance)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }
}
