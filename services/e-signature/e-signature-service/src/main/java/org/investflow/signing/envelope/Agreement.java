package org.investflow.signing.envelope;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import org.investflow.platform.domain.CaseId;

/**
 * What negotiation agreed, as e-signature drafts a contract from it.
 *
 * @param officerId        the case officer the case is assigned to, who signs for the commission
 * @param termsFingerprint SHA-256 (64 lowercase hex) negotiation computed over the frozen terms
 * @param agreedAt         when the agreement was reached: the contract PDF's date, so it re-renders identically
 * @param registrationNumber the investor company's registration number, printed among the parties; null when negotiation
 *                         did not send it (agreements of earlier releases), and then the contract renders as before
 * @param country          the investor company's country (ISO 3166-1 alpha-2), printed among the parties; null as
 *                         {@code registrationNumber}
 */
public record Agreement(CaseId caseId, String investorId, String officerId, String agreementId, String companyName, AgreedTerms terms,
                        String termsFingerprint, Instant agreedAt, String registrationNumber, String country) {

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    public Agreement {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(officerId, "officerId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(agreedAt, "agreedAt");
        if (termsFingerprint == null || !SHA_256.matcher(termsFingerprint).matches()) {
            throw new IllegalArgumentException("termsFingerprint must be 64 lowercase hex digits");
        }
    }

    /** An agreement without the investor company's registration (earlier releases). */
    public Agreement(CaseId caseId, String investorId, String officerId, String agreementId, String companyName, AgreedTerms terms,
                     String termsFingerprint, Instant agreedAt) {
        this(caseId, investorId, officerId, agreementId, companyName, terms, termsFingerprint, agreedAt, null, null);
    }
}
