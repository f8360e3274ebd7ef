package org.investflow.signing.envelope;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What negotiation agreed, as e-signature drafts a contract from it.
 *
 * @param officerId        the case officer the case is assigned to, who signs for the commission
 * @param termsFingerprint SHA-256 (64 lowercase hex) negotiation computed over the frozen terms
 */
public record Agreement(String caseId, String investorId, String officerId, String agreementId, String companyName, AgreedTerms terms,
                        String termsFingerprint) {

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    public Agreement {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(officerId, "officerId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(terms, "terms");
        if (termsFingerprint == null || !SHA_256.matcher(termsFingerprint).matches()) {
            throw new IllegalArgumentException("termsFingerprint must be 64 lowercase hex digits");
        }
    }
}
