package org.investflow.benchmarks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring contexts started in this JVM (the four services, the bare WebFlux app), collected by an
 * initializer that {@code META-INF/spring.factories} of this module registers for every Spring Boot
 * application on the benchmark's classpath. The rebuild phase reaches project-tracking's
 * {@code PipelineRebuild} and every service's listener registry through them, as a benchmark in the same
 * JVM is meant to (see project-tracking's README); the services themselves are not changed.
 */
public final class RunningContexts implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final List<ConfigurableApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        CONTEXTS.add(context);
    }

    /** The contexts still running. */
    static List<ConfigurableApplicationContext> active() {
        return CONTEXTS.stream().filter(ConfigurableApplicationContext::isActive).toList();
    }

    /** The running context that holds a bean of {@code type}. */
    static ConfigurableApplicationContext holding(Class<?> type) {
        return active().stream().filter(context -> context.getBeanProvider(type).getIfAvailable() != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("no running context holds a " + type.getSimpleName()));
    }
}
