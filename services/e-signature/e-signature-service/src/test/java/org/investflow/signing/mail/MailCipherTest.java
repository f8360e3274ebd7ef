package org.investflow.signing.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Queued mails' bodies are sealed at rest, bound to their mail, and opened only with the same key. */
class MailCipherTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final MailCipher cipher = MailCipher.of(KEY);

    @Test
    void aSealedBodyOpensToTheSameTextAndDoesNotShowIt() {
        String sealed = cipher.seal("mail-1", "link https://x/sign#token=abc and code 493817");

        assertThat(sealed).doesNotContain("abc").doesNotContain("493817");
        assertThat(cipher.open("mail-1", sealed)).isEqualTo("link https://x/sign#token=abc and code 493817");
    }

    @Test
    void aBodyMovedToAnotherMailOrOpenedWithAnotherKeyIsRefused() {
        String sealed = cipher.seal("mail-1", "code 493817");

        assertThatThrownBy(() -> cipher.open("mail-2", sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MailCipher.of("").open("mail-1", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 31, 33})
    void aKeyOfAnotherLengthThanAes256IsRefused(int bytes) {
        assertThatThrownBy(() -> MailCipher.of(Base64.getEncoder().encodeToString(new byte[bytes])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }
}
