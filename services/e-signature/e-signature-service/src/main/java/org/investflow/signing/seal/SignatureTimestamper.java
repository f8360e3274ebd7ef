package org.investflow.signing.seal;

/**
 * A time-stamping authority (RFC 3161) that vouches for when a seal existed: given the seal's signature value it
 * answers a time-stamp token over its SHA-256, which sealing embeds as the signature-time-stamp attribute
 * (PAdES-BASELINE-T). Production asks a real TSA over HTTP ({@link RemoteTimestampAuthority}); the local stack and
 * the tests run a {@link LocalTimestampAuthority}.
 */
@FunctionalInterface
public interface SignatureTimestamper {

    /** The DER-encoded time-stamp token (a CMS ContentInfo) over SHA-256 of {@code signatureValue}. */
    byte[] timestamp(byte[] signatureValue);

    /** Thrown when no time-stamp could be had: the TSA is unreachable, refuses, or answers something else. */
    final class TimestampUnavailableException extends RuntimeException {
        public TimestampUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
