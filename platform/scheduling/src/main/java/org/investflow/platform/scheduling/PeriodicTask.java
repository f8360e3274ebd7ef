package org.investflow.platform.scheduling;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a reactive task every {@code interval} while the application runs, one run at a time (a
 * tick that finds the previous run still going is dropped). A failed run is logged and the task
 * runs again at the next tick; it never stops the schedule.
 */
public class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration initialDelay;
    private final Duration interval;
    private final Supplier<Mono<?>> task;
    private final int phase;
    private volatile Disposable running;

    public PeriodicTask(String name, Duration interval, Supplier<Mono<?>> task) {
        this(name, interval, interval, task, DEFAULT_PHASE);
    }

    public PeriodicTask(String name, Duration interval, Supplier<Mono<?>> task, int phase) {
        this(name, interval, interval, task, phase);
    }

    /** A task whose first run comes after {@code initialDelay} (zero: at start), then every {@code interval}. */
    public PeriodicTask(String name, Duration initialDelay, Duration interval, Supplier<Mono<?>> task, int phase) {
        this.name = name;
        this.initialDelay = initialDelay;
        this.interval = interval;
        this.task = task;
        this.phase = phase;
    }

    @Override
    public void start() {
        running = Flux.interval(initialDelay, interval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(task).onErrorResume(this::tryAgainLater), 1)
                .subscribe();
    }

    private Mono<Object> tryAgainLater(Throwable error) {
        // a retry that gave up says only how often it tried: the last failure is its cause
        Throwable cause = error.getCause() != null && reactor.core.Exceptions.isRetryExhausted(error) ? error.getCause() : null;
        log.warn("{} failed; it runs again in {}: {}{}", name, interval, error, cause == null ? "" : " (last: " + cause + ")");
        return Mono.empty();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
