package org.investflow.platform.messaging.health;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts the {@code broker} and {@code database} indicators into the readiness probe group of every
 * service, as a default a service's own configuration may override (it is the last property source).
 */
public class ReadinessDefaults implements EnvironmentPostProcessor {

    static final String READINESS = "management.endpoint.health.group.readiness.include";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("investflow-readiness-defaults",
                Map.of(READINESS, "readinessState,broker,database")));
    }
}
