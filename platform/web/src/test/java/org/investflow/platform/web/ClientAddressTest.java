package org.investflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/**
 * The client's address is the TCP peer's unless the peer is a configured trusted proxy; then the
 * forwarded headers are read from the right, skipping trusted proxies, so a client cannot choose its
 * address by writing the header itself.
 */
class ClientAddressTest {

    private final ClientAddress addresses = new ClientAddress(List.of("10.0.0.0/8", "192.0.2.10"));

    @ParameterizedTest(name = "peer {0}, {1}: {2} → {3}")
    @CsvSource(delimiter = '|', value = {
        "198.51.100.9 | X-Forwarded-For | 203.0.113.7                      | 198.51.100.9",
        "10.1.2.3     | X-Forwarded-For | 203.0.113.7                      | 203.0.113.7",
        "10.1.2.3     | X-Forwarded-For | 6.6.6.6, 203.0.113.7              | 203.0.113.7",
        "10.1.2.3     | X-Forwarded-For | 203.0.113.7, 10.9.9.9            | 203.0.113.7",
        "192.0.2.10   | X-Forwarded-For | 203.0.113.8                      | 203.0.113.8",
        "192.0.2.11   | X-Forwarded-For | 203.0.113.8                      | 192.0.2.11",
        "10.1.2.3     | Forwarded       | for=203.0.113.7;proto=https      | 203.0.113.7",
        "10.1.2.3     | Forwarded       | for=6.6.6.6, for=\"[2001:db8::1]:4711\" | 2001:db8:0:0:0:0:0:1",
        "10.1.2.3     | X-Forwarded-For | not-an-address                   | 10.1.2.3",
        "10.1.2.3     | X-Forwarded-For | 10.4.4.4                         | 10.4.4.4",
    })
    void theClientIsTheFirstUntrustedHopFromTheRight(String peer, String header, String value, String client) {
        ServerHttpRequest request = MockServerHttpRequest.get("/api/verifications")
                .remoteAddress(new InetSocketAddress(peer, 40000)).header(header, value).build();

        assertThat(addresses.of(request)).isEqualTo(client);
    }

    @ParameterizedTest
    @CsvSource({"203.0.113.7, 203.0.113.7", "10.1.2.3, 10.1.2.3"})
    void withoutForwardedHeadersTheClientIsThePeer(String peer, String client) {
        ServerHttpRequest request = MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress(peer, 1)).build();

        assertThat(addresses.of(request)).isEqualTo(client);
    }

    @ParameterizedTest
    @CsvSource({"203.0.113.7", "10.1.2.3"})
    void withoutTrustedProxiesForwardedHeadersAreIgnored(String forwarded) {
        ServerHttpRequest request = MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress("10.1.2.3", 1))
                .header("X-Forwarded-For", forwarded).build();

        assertThat(new ClientAddress(List.of()).of(request)).isEqualTo("10.1.2.3");
    }
}
