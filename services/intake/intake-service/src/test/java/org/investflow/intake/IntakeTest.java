package org.investflow.intake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.investflow.platform.testkit.ServiceIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** Intake on the shared broker, database server and test issuer; one Spring context for all its tests. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceIntegrationTest
@TestPropertySource(properties = {"spring.config.name=intake", "investflow.web.investor-requests=100000",
        "investflow.intake.service-level.check-interval=1h"})
public @interface IntakeTest {
}
