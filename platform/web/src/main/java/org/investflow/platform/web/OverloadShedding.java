package org.investflow.platform.web;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sheds load instead of queueing it: an instance handles at most {@code investflow.web.overload.max-in-flight} API
 * requests at once and answers the next ones at once with 503 problem+json and {@code Retry-After}, before any token
 * is checked or body read. Without it a burst far over what the instance can serve queued in memory until the
 * clients timed out (issue 17); with it the answer comes within the latency budget and the memory held by requests
 * is bounded. Health and metrics are never shed. Counted in {@code investflow.web.overload.shed}; the requests in
 * flight are the gauge {@code investflow.web.overload.in.flight}.
 */
class OverloadShedding implements WebFilter, Ordered {

    private final int maxInFlight;
    private final long retryAfterSeconds;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter shed;

    OverloadShedding(OverloadProperties properties, MeterRegistry meters) {
        this.maxInFlight = properties.maxInFlight();
        this.retryAfterSeconds = Math.max(1, (properties.retryAfter().toMillis() + 999) / 1000);
        this.shed = meters.counter("investflow.web.overload.shed");
        Gauge.builder("investflow.web.overload.in.flight", inFlight, AtomicInteger::get).register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            return unavailable(exchange);
        }
        return chain.filter(exchange).doFinally(signal -> inFlight.decrementAndGet());
    }

    private Mono<Void> unavailable(ServerWebExchange exchange) {
        shed.increment();
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        return ProblemWriter.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
                "over capacity; retry after " + retryAfterSeconds + " s");
    }

    @Override
    public int getOrder() {
        // before Spring Security's chain (-100): a shed request costs no token check
        return -200;
    }
}
