package org.investflow.signing;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * E-signature: drafts the contract of an agreement, collects the ordered signatures, executes it.
 * Its settings file is {@code e-signature.yml} (not {@code application.yml}) so that all four
 * services can run in one JVM for the local stack and the end-to-end test without reading each
 * other's.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SigningApplication {

    public static final String CONFIG_NAME = "e-signature";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its settings file name set; used by main and by the local stack. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(SigningApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
