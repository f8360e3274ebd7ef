package org.investflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * An instance takes on a bounded number of requests: a burst of 25 times its capacity gets its capacity handled
 * and every other request answered at once with 503 and Retry-After, none left waiting; capacity freed is used
 * again, and health checks are never shed.
 */
class OverloadSheddingTest {

    private static final int CAPACITY = 4;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final OverloadShedding shedding = new OverloadShedding(new OverloadProperties(CAPACITY, Duration.ofSeconds(2)), meters);
    private final Sinks.Empty<Void> slowWork = Sinks.empty();

    @Test
    void aBurstFarOverCapacityIsAnsweredAtOnceWith503AndRetryAfterBeyondTheCapacity() {
        List<ServerWebExchange> burst = new ArrayList<>();
        List<Disposable> handling = new ArrayList<>();
        for (int i = 0; i < CAPACITY * 25; i++) {
            ServerWebExchange exchange = WebExchanges.anonymous("/api/intentions");
            burst.add(exchange);
            handling.add(shedding.filter(exchange, served -> slowWork.asMono()).subscribe());
        }

        List<ServerWebExchange> shed = burst.stream()
                .filter(exchange -> exchange.getResponse().getStatusCode() == HttpStatus.SERVICE_UNAVAILABLE).toList();
        assertThat(shed).hasSize(CAPACITY * 24);
        assertThat(shed).allSatisfy(exchange -> {
            assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("2");
            assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        });
        assertThat(handling.stream().filter(Disposable::isDisposed)).as("shed requests are finished, not waiting")
                .hasSize(CAPACITY * 24);
        assertThat(meters.counter("investflow.web.overload.shed").count()).isEqualTo(CAPACITY * 24);
        assertThat(meters.get("investflow.web.overload.in.flight").gauge().value()).isEqualTo(CAPACITY);
    }

    @Test
    void capacityFreedByAFinishedRequestIsUsedAgain() {
        for (int i = 0; i < CAPACITY; i++) {
            shedding.filter(WebExchanges.anonymous("/api/intentions"), served -> slowWork.asMono()).subscribe();
        }
        assertThat(handle("/api/intentions")).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        slowWork.tryEmitEmpty();

        assertThat(handle("/api/intentions")).isNull();
        assertThat(meters.get("investflow.web.overload.in.flight").gauge().value()).isZero();
    }

    @Test
    void healthChecksAreNeverShed() {
        for (int i = 0; i < CAPACITY; i++) {
            shedding.filter(WebExchanges.anonymous("/api/intentions"), served -> slowWork.asMono()).subscribe();
        }

        assertThat(handle("/actuator/health/readiness")).isNull();
    }

    private HttpStatus handle(String path) {
        ServerWebExchange exchange = WebExchanges.anonymous(path);
        shedding.filter(exchange, served -> Mono.empty()).block(Duration.ofSeconds(5));
        return (HttpStatus) exchange.getResponse().getStatusCode();
    }
}
