package org.investflow.negotiation.events;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import org.investflow.platform.events.Actor;

/**
 * The investor accepted the latest term-sheet version: its terms are frozen and the contract can be
 * drafted from them.
 *
 * @param agreementId      UUID of the agreement
 * @param version          the accepted term-sheet version
 * @param termsFingerprint lowercase hex SHA-256 of the canonical JSON form of {@code terms}; the
 *                         contract and its signatures refer to it
 * @param supersedesFingerprint the fingerprint of the case's previous agreement, which this one replaces after
 *                         a declined, expired or voided contract reopened the negotiation; null for a first
 *                         agreement. A consumer voids anything still pending for the superseded agreement.
 *                         (Equal to {@code termsFingerprint} when the same terms were accepted again.)
 * @param canonicalTerms   the exact canonical JSON text (UTF-8) of {@code terms} whose SHA-256 is {@code termsFingerprint},
 *                         so a consumer can embed or re-hash it without re-implementing the canonical form. Added in a
 *                         compatible way: null from producers of the earlier releases.
 * @param registrationNumber the investor company's registration number in its country, as intake accepted it, for the
 *                         contract's parties; not part of {@code terms} nor of the fingerprint. Added in a compatible way:
 *                         null from producers of the earlier releases and for cases accepted before intake sent it
 * @param country          the investor company's country, ISO 3166-1 alpha-2; null as {@code registrationNumber}
 */
public record AgreementReached(String caseId, String investorId, String officerId, String agreementId, int version, String companyName,
                               Terms terms, String termsFingerprint, Instant occurredAt, Actor actor,
                               String supersedesFingerprint, String canonicalTerms, String registrationNumber, String country)
        implements NegotiationEvent {

    /** A fingerprint: lowercase hex SHA-256. */
    static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public AgreementReached {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(officerId, "officerId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        if (termsFingerprint == null || !SHA_256_HEX.matcher(termsFingerprint).matches()) {
            throw new IllegalArgumentException("termsFingerprint must be 64 lowercase hex digits");
        }
        if (supersedesFingerprint != null && !SHA_256_HEX.matcher(supersedesFingerprint).matches()) {
            throw new IllegalArgumentException("supersedesFingerprint must be null or 64 lowercase hex digits");
        }
    }

    /** An agreement without the investor company's registration (the form of the earlier releases). */
    public AgreementReached(String caseId, String investorId, String officerId, String agreementId, int version,
                            String companyName, Terms terms, String termsFingerprint, Instant occurredAt, Actor actor,
                            String supersedesFingerprint, String canonicalTerms) {
        this(caseId, investorId, officerId, agreementId, version, companyName, terms, termsFingerprint, occurredAt, actor,
                supersedesFingerprint, canonicalTerms, null, null);
    }

    /** An agreement without its canonical terms text (the form of the earlier releases). */
    public AgreementReached(String caseId, String investorId, String officerId, String agreementId, int version,
                            String companyName, Terms terms, String termsFingerprint, Instant occurredAt, Actor actor,
                            String supersedesFingerprint) {
        this(caseId, investorId, officerId, agreementId, version, companyName, terms, termsFingerprint, occurredAt, actor,
                supersedesFingerprint, null, null, null);
    }

    /** A first agreement on the case, superseding none (the form of the first release). */
    public AgreementReached(String caseId, String investorId, String officerId, String agreementId, int version,
                            String companyName, Terms terms, String termsFingerprint, Instant occurredAt, Actor actor) {
        this(caseId, investorId, officerId, agreementId, version, companyName, terms, termsFingerprint, occurredAt, actor,
                null, null, null, null);
    }
}
