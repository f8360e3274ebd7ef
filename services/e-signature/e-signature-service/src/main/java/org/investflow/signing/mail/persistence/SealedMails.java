package org.investflow.signing.mail.persistence;

import java.util.Date;

import org.bson.Document;
import org.investflow.signing.envelope.OutgoingMail;
import org.investflow.signing.mail.MailCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * How a queued mail is stored in its envelope's document: everything in clear but the body, which is
 * sealed by {@link MailCipher} (the body carries the signing link or the code; the subject never does).
 */
public final class SealedMails {

    private static final Logger LOG = LoggerFactory.getLogger(SealedMails.class);
    static final String SEALED_TEXT = "sealedText";
    /** What a mail says whose body could not be opened (sealed under a development key of an earlier start). */
    static final String UNREADABLE = "This message could not be recovered. Please ask for a new code, or wait for the "
            + "reminder with a new link.\n此邮件无法恢复,请重新获取验证码或等待带有新链接的提醒邮件。\n";

    private SealedMails() {
    }

    /** Writes a mail with its body sealed. */
    @WritingConverter
    public record Sealing(MailCipher cipher) implements Converter<OutgoingMail, Document> {
        @Override
        public Document convert(OutgoingMail mail) {
            return new Document("mailId", mail.mailId()).append("kind", mail.kind().name()).append("to", mail.to())
                    .append("subject", mail.subject()).append(SEALED_TEXT, cipher.seal(mail.mailId(), mail.text()))
                    .append("queuedAt", mail.queuedAt() == null ? null : Date.from(mail.queuedAt()));
        }
    }

    /** Reads a mail, opening its body. */
    @ReadingConverter
    public record Opening(MailCipher cipher) implements Converter<Document, OutgoingMail> {
        @Override
        public OutgoingMail convert(Document stored) {
            String mailId = stored.getString("mailId");
            Date queuedAt = stored.getDate("queuedAt");
            return new OutgoingMail(mailId, OutgoingMail.Kind.valueOf(stored.getString("kind")), stored.getString("to"),
                    stored.getString("subject"), text(mailId, stored), queuedAt == null ? null : queuedAt.toInstant());
        }

        private String text(String mailId, Document stored) {
            if (!stored.containsKey(SEALED_TEXT)) {
                // queued before bodies were sealed; sealed at the next save of its envelope
                return stored.getString("text");
            }
            try {
                return cipher.open(mailId, stored.getString(SEALED_TEXT));
            } catch (IllegalStateException | IllegalArgumentException unreadable) {
                LOG.warn("queued mail {} cannot be opened with this key; it is sent without its link or code", mailId);
                return UNREADABLE;
            }
        }
    }
}
