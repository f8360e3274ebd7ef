package org.investflow.signing.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key that seals queued mails' bodies at rest ({@code investflow.signing.mail-encryption.*}).
 *
 * @param key base64 of 32 random bytes (AES-256), from a Secret ({@code SIGNING_MAIL_KEY}); blank: a
 *            development key generated at every start, so mails still queued at a restart lose their link or code
 */
@ConfigurationProperties("investflow.signing.mail-encryption")
record MailEncryptionProperties(@DefaultValue("") String key) {
}
