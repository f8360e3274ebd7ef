package org.investflow.signing.envelope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A one-time signing link sent to one signer of one envelope. Only the SHA-256 of its token is kept;
 * the emailed one-time code likewise (salted with the token's hash). A link signs or declines once,
 * is viewed once, and is refused after its expiry, after too many wrong codes or too many codes.
 *
 * @param tokenHash     SHA-256 (hex) of the link's token
 * @param signerOrder   the place on the envelope it is for
 * @param expiresAt     its end: the signer's deadline
 * @param viewed        whether it was used to view the contract
 * @param consumed      whether it was used to sign or decline
 * @param codeHash      SHA-256 (hex) of token hash and the last code sent, null before one was asked for
 * @param codeExpiresAt when that code stops being accepted
 * @param wrongCodes    wrong codes entered so far
 * @param codesSent     codes sent so far
 */
public record SigningLink(String tokenHash, int signerOrder, Instant expiresAt, boolean viewed, boolean consumed,
                          String codeHash, Instant codeExpiresAt, int wrongCodes, int codesSent) {

    public SigningLink {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    static SigningLink issue(String token, int signerOrder, Instant expiresAt) {
        return new SigningLink(sha256(token), signerOrder, expiresAt, false, false, null, null, 0, 0);
    }

    /** Whether the link may still be used at {@code now} under {@code policy}. */
    boolean isUsable(Instant now, SigningPolicy policy) {
        return !consumed && now.isBefore(expiresAt) && wrongCodes < policy.codeAttempts();
    }

    boolean mayHaveAnotherCode(SigningPolicy policy) {
        return codesSent < policy.codesPerLink();
    }

    boolean acceptsCode(String code, Instant now) {
        return codeHash != null && code != null && now.isBefore(codeExpiresAt)
                && MessageDigest.isEqual(codeHash.getBytes(StandardCharsets.US_ASCII), sha256(tokenHash + code).getBytes(StandardCharsets.US_ASCII));
    }

    SigningLink withCode(String code, Instant now, SigningPolicy policy) {
        return new SigningLink(tokenHash, signerOrder, expiresAt, viewed, consumed, sha256(tokenHash + code),
                now.plus(policy.codeValidity()), wrongCodes, codesSent + 1);
    }

    SigningLink withWrongCode() {
        return new SigningLink(tokenHash, signerOrder, expiresAt, viewed, consumed, codeHash, codeExpiresAt, wrongCodes + 1, codesSent);
    }

    SigningLink asViewed() {
        return new SigningLink(tokenHash, signerOrder, expiresAt, true, consumed, codeHash, codeExpiresAt, wrongCodes, codesSent);
    }

    SigningLink asConsumed() {
        return new SigningLink(tokenHash, signerOrder, expiresAt, viewed, true, null, null, wrongCodes, codesSent);
    }

    /** SHA-256 of {@code text} (UTF-8) as lowercase hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
