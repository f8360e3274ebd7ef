package org.investflow.negotiation.negotiation;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.investflow.negotiation.events.Terms;

/**
 * The identity of a set of terms: lowercase hex SHA-256 of their canonical JSON form. The contract
 * and every signature refer to agreed terms by it, so it must not depend on any JSON library's
 * settings: the canonical form is written here by hand, with a fixed field order, the amount as a
 * plain string of scale 2 and the date in ISO-8601 (see the service README for why).
 *
 * @param hex 64 lowercase hex digits
 */
public record TermsFingerprint(String hex) {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public TermsFingerprint {
        if (hex == null || !SHA_256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a terms fingerprint is 64 lowercase hex digits");
        }
    }

    /** The fingerprint of {@code terms}. */
    public static TermsFingerprint of(Terms terms) {
        return new TermsFingerprint(HexFormat.of().formatHex(sha256(canonicalJson(terms))));
    }

    /**
     * {@code {"investmentAmount":"120000000.00","currency":"EUR","jobs":350,"landingDeadline":"2027-12-31"}}:
     * no whitespace, UTF-8. No value needs escaping: {@link Terms} admits only digits, upper-case
     * letters and dashes in its strings.
     */
    static String canonicalJson(Terms terms) {
        return "{\"investmentAmount\":\"" + terms.investmentAmount().setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                + "\",\"currency\":\"" + terms.currency()
                + "\",\"jobs\":" + terms.jobs()
                + ",\"landingDeadline\":\"" + DateTimeFormatter.ISO_LOCAL_DATE.format(terms.landingDeadline()) + "\"}";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
