package org.investflow.signing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.investflow.platform.testkit.QueryLog;
import org.investflow.platform.testkit.ServiceIntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * E-signature running on a random port against the shared broker and MongoDB-wire server. Every
 * integration test class of the service uses this one configuration, so they share one Spring
 * context (one consumer in the {@code e-signature} group, one outbox relay). The investor rate limit
 * is lifted: matrix and fuzz tests call far faster than a person (intake tests the 429). Mails go to
 * the tests' GreenMail ({@link TestMail}); seals are time-stamped by the tests' TSA over HTTP
 * ({@link TestCommission}), retried every second at most while it is down; time is a {@link TestClock} tests move forward. The tests'
 * own address counts as a trusted proxy, so a test can show that a forwarded client address is recorded.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ServiceIntegrationTest
@Import({TestClock.Configuration.class, QueryLog.Configuration.class})
@TestPropertySource(properties = {"spring.config.name=e-signature", "investflow.web.investor-requests=100000",
    "investflow.signing.verification-max-size=200000",
    "investflow.web.trusted-proxies=127.0.0.1,::1", "investflow.signing.workflow.watch-interval=PT0.2S",
    "investflow.signing.seal.development=true", "investflow.signing.sealing.interval=PT0.2S",
    "investflow.signing.sealing.first-retry=PT0.5S", "investflow.signing.sealing.max-retry=PT1S"})
public @interface SigningServiceTest {
}
