package org.investflow.negotiation;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Negotiation: an accepted intention opens a negotiation in which the case officer proposes
 * versioned term sheets until the investor accepts one. Its settings file is {@code negotiation.yml}
 * (not {@code application.yml}) so that all four services can run in one JVM for the local stack
 * and the end-to-end test without reading each other's.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NegotiationApplication {

    public static final String CONFIG_NAME = "negotiation";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its settings file name set; used by main and by the local stack. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(NegotiationApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
