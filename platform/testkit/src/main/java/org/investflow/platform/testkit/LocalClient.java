package org.investflow.platform.testkit;

import java.time.Duration;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A test's HTTP client for a service started on a local port. Its response timeout is generous because
 * a 2-core machine running a whole suite can pause one request for seconds; the assertions, not the
 * timeout, decide whether a test passes.
 * <p>
 * Each request has a connection of its own. Reactor Netty's default pool is one per JVM, shared by every test in it
 * and handed out first-in first-out, so a test's request could ride on a connection that an earlier test left in
 * whatever state that test drove the server into. Twice, on a loaded machine (a CI run and a local run of two builds
 * at once), a CORS request of IntakeEdgeTest waited out its 30 s, both times the third request after the test that
 * uploads an oversized body; it did not recur in any quiet or loaded run of that class or module since, so the pool is
 * the suspect, not a finding. The server's own keep-alive behaviour is tested where it is the subject (IntakeEdgeTest's
 * 413 over a raw socket).
 */
public final class LocalClient {

    /** How long a test waits for one response before it fails. */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private LocalClient() {
    }

    /** A client of the service listening on {@code port} of the loopback interface, a new connection per request. */
    public static WebTestClient to(int port) {
        HttpClient unpooled = HttpClient.create(ConnectionProvider.newConnection());
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(unpooled)).baseUrl("http://localhost:" + port)
                .responseTimeout(RESPONSE_TIMEOUT).build();
    }
}
