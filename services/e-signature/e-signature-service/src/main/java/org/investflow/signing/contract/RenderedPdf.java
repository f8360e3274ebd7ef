package org.investflow.signing.contract;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A rendered PDF and its fingerprint.
 *
 * @param bytes the PDF file
 */
public record RenderedPdf(byte[] bytes) {

    /** SHA-256 of the file, 64 lowercase hex digits: the {@code documentHash} signers sign. */
    public String sha256() {
        return sha256(bytes);
    }

    /** SHA-256 of {@code bytes} as 64 lowercase hex digits. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
