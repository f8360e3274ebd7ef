package org.investflow.signing.mail.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;

import org.bson.Document;
import org.investflow.signing.envelope.OutgoingMail;
import org.investflow.signing.mail.MailCipher;
import org.junit.jupiter.api.Test;

/** A queued mail is stored with its body sealed and read back whole; an unreadable body loses only its secret. */
class SealedMailsTest {

    static final OutgoingMail CODE_MAIL = new OutgoingMail("mail-1", OutgoingMail.Kind.CODE, "signer@example.org",
            "Your signing code (CQ-2026-000001)", "Your one-time code is 493817.", Instant.parse("2026-03-02T08:00:00Z"));

    private final MailCipher cipher = MailCipher.of(Base64.getEncoder().encodeToString(new byte[32]));

    @Test
    void aStoredMailKeepsItsBodyOnlySealedAndReadsBackWhole() {
        Document stored = new SealedMails.Sealing(cipher).convert(CODE_MAIL);

        assertThat(stored.toJson()).doesNotContain("493817").contains("sealedText");
        assertThat(new SealedMails.Opening(cipher).convert(stored)).isEqualTo(CODE_MAIL);
    }

    @Test
    void aMailSealedUnderAnEarlierDevelopmentKeyIsReadWithoutItsSecret() {
        Document stored = new SealedMails.Sealing(MailCipher.of("")).convert(CODE_MAIL);

        OutgoingMail read = new SealedMails.Opening(cipher).convert(stored);

        assertThat(read.text()).isEqualTo(SealedMails.UNREADABLE);
        assertThat(read.mailId()).isEqualTo("mail-1");
    }
}
