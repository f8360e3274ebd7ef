package org.investflow.platform.web;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
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
 * public-facing, officers' and leaders' tools are not. The client address is resolved by
 * {@link ClientAddress} (forwarded headers count only from trusted proxies); limiters live in a bounded
 * cache that drops idle ones. Over the limit: 429 problem+json with {@code Retry-After}, counted in
 * {@code investflow.web.rate.limited}.
 */
class InvestorRateLimit implements WebFilter, Ordered {

    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters;
    private final ClientAddress clients;
    private final long retryAfterSeconds;
    private final Counter refused;

    InvestorRateLimit(WebProperties properties, MeterRegistry meters) {
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(properties.investorRequests())
                .limitRefreshPeriod(properties.investorPeriod())
                .timeoutDuration(Duration.ZERO)
                .build();
        // maintenance on the caller's thread: eviction is immediate and needs no pool
        this.limiters = Caffeine.newBuilder().maximumSize(properties.maxRateLimiters())
                .expireAfterAccess(properties.rateLimiterIdle()).executor(Runnable::run).build();
        this.clients = new ClientAddress(properties.trustedProxies());
        this.retryAfterSeconds = Math.max(1, (properties.investorPeriod().toMillis() + 999) / 1000);
        this.refused = meters.counter("investflow.web.rate.limited");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .ofType(JwtAuthenticationToken.class)
                .map(token -> isInvestor(token) ? permitted("investor:" + token.getName()) : true)
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
        return permitted("address:" + clients.of(exchange.getRequest()));
    }

    private boolean permitted(String caller) {
        return limiters.get(caller, key -> RateLimiter.of(key, config)).acquirePermission();
    }

    /** How many limiters are kept now (after pending evictions). */
    long limiters() {
        limiters.cleanUp();
        return limiters.estimatedSize();
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
