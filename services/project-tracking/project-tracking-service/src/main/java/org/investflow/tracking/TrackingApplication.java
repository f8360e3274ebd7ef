package org.investflow.tracking;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Project tracking: follows each executed contract's project until it lands, and keeps the
 * pipeline read model leadership watches. Its settings file is {@code project-tracking.yml} (not
 * {@code application.yml}) so that all four services can run in one JVM without reading each other's.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrackingApplication {

    public static final String CONFIG_NAME = "project-tracking";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its settings file name set; used by main and by the local stack. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(TrackingApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
