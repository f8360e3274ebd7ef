package org.investflow.keycloak;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Remembers each service's application context by its {@code spring.application.name}, so that the test can
 * ask a running service for its own beans (its {@code ReactiveJwtDecoder}). Registered for every Spring
 * application of this test JVM in {@code META-INF/spring.factories}.
 */
public final class ServiceContexts implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Map<String, ConfigurableApplicationContext> BY_NAME = new ConcurrentHashMap<>();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = context.getEnvironment().getProperty("spring.application.name");
        if (name != null) {
            BY_NAME.put(name, context);
        }
    }

    /** The context of the service named {@code name}. */
    static ConfigurableApplicationContext of(String name) {
        ConfigurableApplicationContext context = BY_NAME.get(name);
        if (context == null) {
            throw new IllegalStateException("no service " + name + " started in this JVM; started: " + BY_NAME.keySet());
        }
        return context;
    }
}
