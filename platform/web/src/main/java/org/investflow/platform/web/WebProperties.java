package org.investflow.platform.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Edge settings of one service ({@code investflow.web.*}).
 *
 * @param portalOrigin     the only browser origin CORS admits (the investor portal)
 * @param publicPaths      paths answered without a token besides health, info and metrics
 * @param maxBodySize      largest request body read into memory; larger bodies get 413
 * @param investorRequests requests an investor may make per {@code investorPeriod}; more get 429
 * @param investorPeriod   the rate limit's refresh period
 * @param trustedProxies   addresses or CIDR ranges of the proxies (ingress, load balancer) whose {@code Forwarded}
 *                         / {@code X-Forwarded-For} headers name the client; empty: the TCP peer is the client
 * @param maxRateLimiters  how many per-investor and per-address limiters are kept; the least recently used go first
 * @param rateLimiterIdle  a limiter unused this long is dropped (its caller starts afresh, as after a period)
 */
@ConfigurationProperties("investflow.web")
public record WebProperties(
        @DefaultValue("http://localhost:5173") String portalOrigin,
        @DefaultValue List<String> publicPaths,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("20") int investorRequests,
        @DefaultValue("1s") Duration investorPeriod,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("100000") int maxRateLimiters,
        @DefaultValue("10m") Duration rateLimiterIdle) {
}
