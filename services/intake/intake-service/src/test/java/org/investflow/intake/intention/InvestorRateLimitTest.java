package org.investflow.intake.intention;

import org.investflow.platform.testkit.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** The portal-facing API limits each investor; staff tools are not limited. */
@ServiceIntegrationTest
@TestPropertySource(properties = {"spring.config.name=intake", "investflow.web.investor-requests=3",
        "investflow.web.investor-period=1h", "investflow.intake.service-level.check-interval=1h"})
class InvestorRateLimitTest {

    @LocalServerPort
    int port;

    @Test
    void anInvestorOverTheLimitGets429WithRetryAfterWhileOthersAreServed() {
        Intentions api = new Intentions(port);
        for (int i = 0; i < 3; i++) {
            api.as("investor-busy", "INVESTOR", HttpMethod.GET, "/api/intentions/CQ-2026-999991").exchange()
                    .expectStatus().isNotFound();
        }
        api.as("investor-busy", "INVESTOR", HttpMethod.GET, "/api/intentions/CQ-2026-999991").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "3600");
        api.as("investor-calm", "INVESTOR", HttpMethod.GET, "/api/intentions/CQ-2026-999991").exchange()
                .expectStatus().isNotFound();
        for (int i = 0; i < 5; i++) {
            api.as("officer-busy", "OFFICER", HttpMethod.GET, "/api/intentions/CQ-2026-999991").exchange()
                    .expectStatus().isNotFound();
        }
    }

    @Test
    void thePublicEndpointsAreLimitedPerClientAddressButHealthIsNot() {
        Intentions api = new Intentions(port);
        for (int i = 0; i < 3; i++) {
            api.http().get().uri("/api/reference/districts").exchange().expectStatus().isOk();
        }
        api.http().get().uri("/api/reference/industries").exchange().expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "3600");
        for (int i = 0; i < 5; i++) {
            api.http().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        }
    }
}
