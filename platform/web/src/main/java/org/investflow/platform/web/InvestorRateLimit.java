package org.investflow.platform.web;

import java.net.InetSocketAddress;
import java.time.Duration;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits how fast each investor may call the API (Resilience4j, one limiter per investor) and how
 * fast one client address may call the public endpoints without a token: the portal is
 * public-facing, officers' and leaders' tools are not. Over the limit: 429 problem+json with
 * {@code Retry-After}, counted in {@code investflow.web.rate.limited}.
 */
class InvestorRateLimit implements WebFilter, Ordered {

    private final RateLimiterRegistry limiters;
    private final long retryAfterSeconds;
    private final Counter refused;

    InvestorRateLimit(WebProperties properties, MeterRegistry meters) {
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(properties.investorRequests())
                .limitRefreshPeriod(properties.investorPeriod())
                .timeoutDuration(Duration.ZERO)
                .build());
        this.retryAfterSeconds = Math.max(1, (properties.investorPeriod().toMillis() + 999) / 1000);
        this.refused = meters.counter("investflow.web.rate.limited");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .ofType(JwtAuthenticationToken.class)
                .map(token -> isInvestor(token) ? limiters.rateLimiter("investor:" + token.getName()).acquirePermission() : true)
                .switchIfEmpty(Mono.fromSupplier(() -> anonymousAllowed(exchange)))
                .flatMap(allowed -> allowed ? chain.filter(exchange) : tooMany(exchange));
    }

    private static boolean isInvestor(JwtAuthenticationToken token) {
        return token.getAuthorities().stream().anyMatch(authority -> "ROLE_INVESTOR".equals(authority.getAuthority()));
    }

    /** Requests without a token reach only the public endpoints (and health): limited per client address. */
    private boolean anonymousAllowed(ServerWebExchange exchange) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator")) {
            return true;
        }
        InetSocketAddress client = exchange.getRequest().getRemoteAddress();
        String address = client == null ? "unknown" : client.getAddress() == null ? client.getHostString()
                : client.getAddress().getHostAddress();
        return limiters.rateLimiter("address:" + address).acquirePermission();
    }

    private Mono<Void> tooMany(ServerWebExchange exchange) {
        refused.increment();
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        return ProblemWriter.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
                "too many requests; retry after " + retryAfterSeconds + " s");
    }

    @Override
    public int getOrder() {
        // after Spring Security's chain (-100), so the caller is known
        return 0;
    }
}
