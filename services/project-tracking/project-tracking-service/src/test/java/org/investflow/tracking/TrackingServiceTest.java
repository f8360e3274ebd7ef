package org.investflow.tracking;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.investflow.platform.testkit.ServiceIntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Project tracking running whole on a random port against the shared broker and MongoDB-wire server,
 * with its own settings file. Every integration test uses this one configuration so they share one
 * Spring context (one set of consumers); the investor rate limit is lifted because matrix and fuzz
 * tests send many investor requests in a second (intake's tests cover the 429). The clock is a
 * {@link TestClock}; gauges are refreshed by the tests that read them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceIntegrationTest
@TestPropertySource(properties = {"spring.config.name=project-tracking", "investflow.web.investor-requests=100000",
        "investflow.tracking.metrics.refresh-interval=1h"})
@Import(TestClock.Config.class)
public @interface TrackingServiceTest {
}
