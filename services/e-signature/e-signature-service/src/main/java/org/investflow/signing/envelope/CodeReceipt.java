package org.investflow.signing.envelope;

import java.time.Instant;

/**
 * What the signer is told after asking for a code: where it went, masked so that holding the link
 * reveals no full address ({@code a***@example.org}), and until when it is valid.
 *
 * @param sentTo     the signer's address with all but the first character of its local part masked
 * @param validUntil when the code stops working
 */
public record CodeReceipt(String sentTo, Instant validUntil) {

    /** {@code anna.schmidt@example.org} becomes {@code a***@example.org}; an address without {@code @} is masked whole. */
    static String mask(String address) {
        int at = address.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
