package org.investflow.signing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.investflow.signing.seal.CommissionSeal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seal fails closed: only a development setup generates one; a configured keystore must exist, open, and have a password. */
class SealConfigurationTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-13T10:00:00Z"), ZoneOffset.UTC);

    static SealProperties properties(String keystore, String password, boolean development) {
        return new SealProperties(keystore, password, "commission-seal", "", development, "CN=Seal,C=CN", Duration.ofDays(365));
    }

    @Test
    void withoutAKeystoreOutsideDevelopmentTheServiceDoesNotStart() {
        assertThatThrownBy(() -> SealConfiguration.seal(properties("", "", false), CLOCK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("investflow.signing.seal.keystore");
    }

    @Test
    void aMissingKeystoreOutsideDevelopmentIsNeverReplacedByAGeneratedOne(@TempDir Path dir) {
        Path missing = dir.resolve("seal.p12");
        assertThatThrownBy(() -> SealConfiguration.seal(properties(missing.toString(), "s3cret", false), CLOCK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void anUnreadableKeystoreOrAWrongPasswordStopsTheStart(@TempDir Path dir) throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.p12"), "not a keystore");
        assertThatThrownBy(() -> SealConfiguration.seal(properties(garbage.toString(), "s3cret", false), CLOCK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot read the commission seal keystore");
        Path real = dir.resolve("real.p12");
        CommissionSeal.generate("CN=Seal,C=CN", CLOCK.instant(), Duration.ofDays(365)).store(real, "right".toCharArray(), "commission-seal");
        assertThatThrownBy(() -> SealConfiguration.seal(properties(real.toString(), "wrong", false), CLOCK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot read the commission seal keystore");
        assertThatThrownBy(() -> SealConfiguration.seal(properties(real.toString(), "", false), CLOCK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("password");
    }

    @Test
    void developmentGeneratesALocalCaAndSealOnceAndReusesThemAtEveryStart(@TempDir Path dir) {
        Path file = dir.resolve("seal/commission-seal.p12");
        CommissionSeal first = SealConfiguration.seal(properties(file.toString(), "local", true), CLOCK);
        CommissionSeal second = SealConfiguration.seal(properties(file.toString(), "local", true), CLOCK);
        assertThat(file).exists();
        assertThat(first.chain()).hasSize(2);
        assertThat(second.chain()).isEqualTo(first.chain());
        assertThat(second.certificate().getIssuerX500Principal()).isEqualTo(second.trustAnchor().getSubjectX500Principal());
    }
}
