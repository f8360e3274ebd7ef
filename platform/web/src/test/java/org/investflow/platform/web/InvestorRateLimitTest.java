package org.investflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Investors are limited per user, anonymous callers per address, staff not at all; over the limit is a 429 problem. */
class InvestorRateLimitTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InvestorRateLimit limit = new InvestorRateLimit(
            new WebProperties("http://localhost:5173", List.of(), DataSize.ofKilobytes(64), 2, Duration.ofHours(1),
                    List.of("10.0.0.0/8"), 3, Duration.ofHours(2)), meters);

    @Test
    void anInvestorOverTheLimitGetsATooManyRequestsProblemWithRetryAfter() {
        assertThat(call(WebExchanges.as("investor-1", List.of("INVESTOR"), "/api/intentions"))).isNull();
        assertThat(call(WebExchanges.as("investor-1", List.of("INVESTOR"), "/api/intentions"))).isNull();

        ServerWebExchange third = WebExchanges.as("investor-1", List.of("INVESTOR"), "/api/intentions");
        assertThat(call(third)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(third.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("3600");
        assertThat(third.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(meters.counter("investflow.web.rate.limited").count()).isEqualTo(1);
    }

    @Test
    void eachInvestorHasALimitOfTheirOwnAndStaffAreNotLimited() {
        for (int i = 0; i < 5; i++) {
            assertThat(call(WebExchanges.as("officer-li", List.of("OFFICER"), "/api/queue"))).isNull();
        }
        call(WebExchanges.as("investor-1", List.of("INVESTOR"), "/api/intentions"));
        call(WebExchanges.as("investor-1", List.of("INVESTOR"), "/api/intentions"));

        assertThat(call(WebExchanges.as("investor-2", List.of("INVESTOR"), "/api/intentions"))).isNull();
    }

    @Test
    void anonymousCallersAreLimitedButHealthChecksAreNot() {
        call(WebExchanges.anonymous("/api/public"));
        call(WebExchanges.anonymous("/api/public"));

        assertThat(call(WebExchanges.anonymous("/api/public"))).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(call(WebExchanges.anonymous("/actuator/health"))).isNull();
    }

    @Test
    void clientsBehindATrustedProxyAreLimitedEachByTheirOwnAddress() {
        call(fromProxy("203.0.113.7"));
        call(fromProxy("203.0.113.7"));

        assertThat(call(fromProxy("203.0.113.7"))).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(call(fromProxy("203.0.113.8"))).isNull();
    }

    @Test
    void aForwardedHeaderFromAnUntrustedPeerDoesNotEscapeItsLimit() {
        for (String claimed : List.of("203.0.113.1", "203.0.113.2")) {
            call(from("198.51.100.9", claimed));
        }

        assertThat(call(from("198.51.100.9", "203.0.113.3"))).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void limitersAreBoundedSoManyAddressesDoNotGrowMemory() {
        for (int client = 1; client <= 50; client++) {
            call(fromProxy("203.0.113." + client));
        }

        assertThat(limit.limiters()).isLessThanOrEqualTo(3);
    }

    private static ServerWebExchange fromProxy(String client) {
        return from("10.0.0.1", client);
    }

    private static ServerWebExchange from(String peer, String forwardedFor) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/verifications")
                .remoteAddress(new InetSocketAddress(peer, 443)).header("X-Forwarded-For", forwardedFor));
    }

    /** The status the filter set, null when it passed the request on. */
    private HttpStatus call(ServerWebExchange exchange) {
        limit.filter(exchange, passed -> Mono.empty()).block(Duration.ofSeconds(5));
        return exchange.getResponse().getStatusCode() == null ? null : HttpStatus.valueOf(exchange.getResponse().getStatusCode().value());
    }

    @Test
    void aProblemWrittenByAFilterIsProblemJsonNamingStatusAndDetail() {
        MockServerHttpResponse response = new MockServerHttpResponse();

        ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, "a \"valid\" token is required").block(Duration.ofSeconds(5));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBodyAsString().block(Duration.ofSeconds(5))).isEqualTo(
                "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"a 'valid' token is required\"}");
    }
}
