package org.investflow.intake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.investflow.platform.testkit.QueryLog;
import org.investflow.platform.testkit.ServiceIntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Intake on the shared broker, database server and test issuer; one Spring context for all its tests,
 * with the {@link QueryLog} of the database queries each request sends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceIntegrationTest
@Import(QueryLog.Configuration.class)
@TestPropertySource(properties = {"spring.config.name=intake", "investflow.web.investor-requests=100000",
        "investflow.intake.service-level.check-interval=1h"})
public @interface IntakeTest {
}
