package org.investflow.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers the bearer tokens the service's decoder verified, so that a client calling many times with one token
 * has its signature checked and its claims parsed once, not at every request (JWT decoding was 9-17 % of the CPU of
 * intake's benchmark: Base64 and an RSA verification per request). A token is looked up by its whole compact form,
 * signature included, so only the exact token that passed verification is answered from memory; it is answered only
 * while its {@code exp} and {@code nbf}, with the same 60 s of clock skew as Spring Security's timestamp validator,
 * still admit it; otherwise, and for any token not remembered, the decoder decides (and its refusals are never
 * remembered). A token stays at most {@link #KEPT} after its verification: no longer than the decoder's own cache
 * of the issuer's keys, so a key the issuer withdrew stops being honoured as soon as the decoder would notice.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    static final Duration KEPT = Duration.ofMinutes(5);
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final int MAX_TOKENS = 4_096;

    private final ReactiveJwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(ReactiveJwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(KEPT).recordStats().build();
    }

    /** Publishes the cache's hits, misses and size as {@code cache_*{cache="verified_tokens"}}. */
    VerifiedTokens measuredBy(MeterRegistry meters) {
        CaffeineCacheMetrics.monitor(meters, verified, "verified_tokens");
        return this;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && admittedNow(known)) {
            return Mono.just(known);
        }
        return decoder.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

    private boolean admittedNow(Jwt jwt) {
        Instant now = clock.instant();
        Instant expires = jwt.getExpiresAt();
        Instant notBefore = jwt.getNotBefore();
        return (expires == null || now.minus(SKEW).isBefore(expires)) && (notBefore == null || !now.plus(SKEW).isBefore(notBefore));
    }
}
