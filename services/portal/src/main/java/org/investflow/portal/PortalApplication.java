package org.investflow.portal;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The portal: the backend-for-frontend in front of the four services and the single-page app it
 * serves. It logs users in at the configured issuer, keeps their tokens in the server-side session
 * and relays them to the services; it decides nothing itself. Its settings file is {@code portal.yml}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

    public static final String CONFIG_NAME = "portal";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its settings file name set; used by main and by tests. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(PortalApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
