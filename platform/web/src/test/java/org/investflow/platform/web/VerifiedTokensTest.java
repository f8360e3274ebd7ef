package org.investflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** A token verified once is answered from memory while its times admit it; anything else goes to the decoder. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** A decoder that accepts tokens named "good-…", valid for 10 minutes from NOW, and counts its verifications. */
    private final AtomicInteger verifications = new AtomicInteger();
    private final ReactiveJwtDecoder decoder = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
            return Mono.error(new BadJwtException("signature does not verify"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject(token.substring(5))
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofMinutes(10))).build());
    };

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgain() {
        VerifiedTokens tokens = new VerifiedTokens(decoder, Clock.fixed(NOW, ZoneOffset.UTC));

        Jwt first = tokens.decode("good-investor-de-1").block(WAIT);
        Jwt second = tokens.decode("good-investor-de-1").block(WAIT);

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("investor-de-1");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anotherTokenIsVerifiedByTheDecoder() {
        VerifiedTokens tokens = new VerifiedTokens(decoder, Clock.fixed(NOW, ZoneOffset.UTC));

        tokens.decode("good-investor-de-1").block(WAIT);
        assertThat(tokens.decode("good-officer-li").block(WAIT).getSubject()).isEqualTo("officer-li");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        VerifiedTokens tokens = new VerifiedTokens(decoder, Clock.fixed(NOW, ZoneOffset.UTC));

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> tokens.decode("forged").block(WAIT)).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenPastItsExpiryAndSkewGoesBackToTheDecoder() {
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        VerifiedTokens tokens = new VerifiedTokens(decoder, moving);
        tokens.decode("good-investor-de-1").block(WAIT);

        now[0] = NOW.plus(Duration.ofMinutes(10)).plusSeconds(59);
        tokens.decode("good-investor-de-1").block(WAIT);
        assertThat(verifications).as("within the 60 s of skew: still remembered").hasValue(1);

        now[0] = NOW.plus(Duration.ofMinutes(11));
        tokens.decode("good-investor-de-1").block(WAIT);
        assertThat(verifications).as("expired: the decoder decides again").hasValue(2);
    }

    @Test
    void hitsAndMissesAreMeasured() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        VerifiedTokens tokens = new VerifiedTokens(decoder, Clock.fixed(NOW, ZoneOffset.UTC)).measuredBy(meters);

        tokens.decode("good-investor-de-1").block(WAIT);
        tokens.decode("good-investor-de-1").block(WAIT);

        assertThat(meters.get("cache.gets").tag("cache", "verified_tokens").tag("result", "hit").functionCounter().count())
                .isEqualTo(1.0);
        assertThat(meters.get("cache.gets").tag("cache", "verified_tokens").tag("result", "miss").functionCounter().count())
                .isEqualTo(1.0);
    }
}
