package org.investflow.identity;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The OAuth2 / OpenID Connect issuer of the local stack (port 9000): signs the access tokens the four
 * services accept, for the demo users of {@link DemoUsers}. Local only; production uses Keycloak.
 * Its settings file is {@code identity.yml} (not {@code application.yml}) so that it can share one JVM
 * with the services, which read their own files.
 */
@SpringBootApplication
public class LocalIssuerApplication {

    public static final String CONFIG_NAME = "identity";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its settings file name set; used by main and by the local stack. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(LocalIssuerApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
