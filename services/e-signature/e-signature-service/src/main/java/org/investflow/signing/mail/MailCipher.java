package org.investflow.signing.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the bodies of queued mails (AES-256-GCM, a fresh nonce per mail, the mail id as associated data so a
 * body cannot be moved to another mail): a queued invitation carries a signing link and a code mail its
 * code, and the envelope document that queues them is also in the oplog and in backups. The key comes
 * from a Secret; without one a development key lives in memory, and mails queued before a restart can
 * then no longer be read.
 */
public final class MailCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private MailCipher(SecretKey key) {
        this.key = key;
    }

    /** The cipher of a base64 AES key of 32 bytes; blank: a development key generated now. */
    public static MailCipher of(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            return new MailCipher(generated());
        }
        byte[] bytes = Base64.getDecoder().decode(base64Key.strip());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("the mail key must be 32 bytes (base64), not " + bytes.length);
        }
        return new MailCipher(new SecretKeySpec(bytes, "AES"));
    }

    /** {@code text} sealed for mail {@code mailId}: base64 of nonce and ciphertext. */
    public String seal(String mailId, String text) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = apply(Cipher.ENCRYPT_MODE, nonce, mailId, text.getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
        return Base64.getEncoder().encodeToString(stored);
    }

    /** The text sealed for {@code mailId}; refused when another key sealed it or it was changed. */
    public String open(String mailId, String sealed) {
        byte[] stored = Base64.getDecoder().decode(sealed);
        byte[] nonce = java.util.Arrays.copyOf(stored, NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(stored, NONCE_BYTES, stored.length);
        return new String(apply(Cipher.DECRYPT_MODE, nonce, mailId, body), StandardCharsets.UTF_8);
    }

    private byte[] apply(int mode, byte[] nonce, String mailId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(mailId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("mail " + mailId + " cannot be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"), e);
        }
    }

    private static SecretKey generated() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has AES", e);
        }
    }
}
