package org.investflow.negotiation.negotiation;

import java.time.Instant;
import java.util.Objects;

import org.investflow.negotiation.events.Terms;

/**
 * The frozen outcome of a negotiation: the accepted version, its terms and their fingerprint.
 *
 * @param agreementId UUID of the agreement
 * @param agreedBy    the party whose acceptance concluded it
 * @param supersedes  the fingerprint of the case's previous agreement, whose contract fell through; null for a
 *                    first agreement
 */
public record Agreement(String agreementId, int version, Terms terms, TermsFingerprint fingerprint, String agreedBy,
                        Instant agreedAt, String supersedes) {

    public Agreement {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(agreedBy, "agreedBy");
        Objects.requireNonNull(agreedAt, "agreedAt");
    }
}
