package org.investflow.platform.testkit;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service's Spring context at the shared broker, at its own database on the shared
 * MongoDB-wire server and at the test issuer of bearer tokens. That server does not answer the {@code hello} command Boot's Mongo health
 * indicator uses, so the indicator is switched off here (it stays on in production).
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String application = context.getEnvironment().getProperty("spring.application.name", "investflow");
        Map<String, Object> properties = Map.of(
                "spring.kafka.bootstrap-servers", SharedInfrastructure.bootstrapServers(),
                "spring.mongodb.uri", SharedInfrastructure.mongoUri("investflow_" + application.replace('-', '_')),
                "management.health.mongo.enabled", "false",
                "management.health.mongodb.enabled", "false",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer.uri(),
                "spring.security.oauth2.resourceserver.jwt.audiences", TestIssuer.AUDIENCE);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("investflow-test-infrastructure", properties));
    }
}
