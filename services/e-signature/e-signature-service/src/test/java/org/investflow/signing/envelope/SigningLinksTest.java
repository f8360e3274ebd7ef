package org.investflow.signing.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One-time links and their codes, apart from the envelope: only hashes kept, every unusable link the same refusal. */
class SigningLinksTest {

    static final Instant NOW = Instant.parse("2026-04-10T09:00:00Z");
    static final Instant EXPIRY = NOW.plus(Duration.ofDays(14));
    static final SigningPolicy POLICY = SigningPolicy.standard();
    static final IntPredicate ANY_TURN = order -> true;
    static final String FIRST = SigningLink.sha256("token-1");

    SigningLinks links;

    @BeforeEach
    void issued() {
        links = new SigningLinks();
        links.issue("token-1", 1, EXPIRY);
        links.issue("token-2", 2, EXPIRY);
    }

    @Test
    void onlyTheTokensHashIsKept() {
        assertThat(links.all()).extracting(SigningLink::tokenHash).containsExactly(FIRST, SigningLink.sha256("token-2"))
                .noneMatch(hash -> hash.contains("token"));
    }

    @Test
    void aSentCodeIsKeptAsAHashAndTheRightCodeNamesTheLinksPlace() {
        SigningLinks.SentCode sent = links.sendCode(FIRST, () -> "424242", NOW, POLICY, ANY_TURN);
        assertThat(sent).isEqualTo(new SigningLinks.SentCode(1, "424242"));
        assertThat(links.all().get(0).codeHash()).doesNotContain("424242");
        assertThat(links.checkCode(FIRST, "424242", NOW, POLICY, ANY_TURN)).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void aWrongCodeIsCountedAndTheLimitLocksTheLink() {
        links.sendCode(FIRST, () -> "424242", NOW, POLICY, ANY_TURN);
        for (int attempt = 0; attempt < POLICY.codeAttempts(); attempt++) {
            assertThat(links.checkCode(FIRST, "000000", NOW, POLICY, ANY_TURN)).isEmpty();
        }
        assertThat(links.all().get(0).wrongCodes()).isEqualTo(POLICY.codeAttempts());
        assertThatThrownBy(() -> links.checkCode(FIRST, "424242", NOW, POLICY, ANY_TURN)).isInstanceOf(InvalidLinkException.class);
    }

    @Test
    void noNewCodeIsDrawnForALinkThatHadItsCodes() {
        for (int code = 0; code < POLICY.codesPerLink(); code++) {
            links.sendCode(FIRST, () -> "424242", NOW, POLICY, ANY_TURN);
        }
        assertThatThrownBy(() -> links.sendCode(FIRST, () -> {
            throw new AssertionError("no code may be drawn");
        }, NOW, POLICY, ANY_TURN)).isInstanceOf(InvalidLinkException.class);
    }

    @Test
    void aLinkViewsOnce() {
        assertThat(links.viewed(FIRST, NOW, POLICY, ANY_TURN)).isEqualTo(1);
        assertThatThrownBy(() -> links.viewed(FIRST, NOW, POLICY, ANY_TURN)).isInstanceOf(InvalidLinkException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"forged", "expired", "out of turn", "consumed by its signer", "closed with the envelope"})
    void everyUnusableLinkIsJustInvalid(String why) {
        String hash = why.equals("forged") ? SigningLink.sha256("forged") : FIRST;
        Instant at = why.equals("expired") ? EXPIRY : NOW;
        IntPredicate inTurn = why.equals("out of turn") ? order -> order == 2 : ANY_TURN;
        if (why.equals("consumed by its signer")) {
            links.consumeAllOf(1);
        }
        if (why.equals("closed with the envelope")) {
            links.consumeAll();
        }
        assertThatThrownBy(() -> links.sendCode(hash, () -> "123456", at, POLICY, inTurn))
                .isInstanceOf(InvalidLinkException.class).hasMessage("invalid link");
    }

    @Test
    void consumingOnePlacesLinksLeavesTheOthersUsable() {
        links.consumeAllOf(1);
        assertThat(links.all()).extracting(SigningLink::consumed).containsExactly(true, false);
        assertThat(links.viewed(SigningLink.sha256("token-2"), NOW, POLICY, ANY_TURN)).isEqualTo(2);
    }
}
