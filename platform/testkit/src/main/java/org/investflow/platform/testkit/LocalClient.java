package org.investflow.platform.testkit;

import java.time.Duration;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A test's HTTP client for a service started on a local port. Its response timeout is generous because
 * a 2-core machine running a whole suite can pause one request for seconds; the assertions, not the
 * timeout, decide whether a test passes.
 */
public final class LocalClient {

    /** How long a test waits for one response before it fails. */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private LocalClient() {
    }

    /** A client of the service listening on {@code port} of the loopback interface. */
    public static WebTestClient to(int port) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(RESPONSE_TIMEOUT).build();
    }
}
