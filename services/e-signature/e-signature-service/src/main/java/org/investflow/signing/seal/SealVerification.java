package org.investflow.signing.seal;

import java.time.Instant;

/**
 * What verification found out about an uploaded PDF.
 *
 * @param valid                    sealed under the commission's CA, unmodified since, and its embedded terms (if any) match
 *                                 its printed fingerprint
 * @param reason                   why not, or {@code "sealed by the commission and unmodified"}
 * @param documentHash             SHA-256 of the uploaded file
 * @param signer                   the seal certificate's subject, null when there is no readable seal
 * @param sealedAt                 the seal's signing time, null without one
 * @param caseId                   the case the contract belongs to, as the document says, may be null
 * @param contractHash             the signed contract's SHA-256 printed in the executed contract's metadata, may be null
 * @param termsFingerprint         the agreed terms' fingerprint the contract prints, may be null
 * @param embeddedTermsFingerprint SHA-256 of the embedded canonical terms ({@code agreed-terms.json}), null when none
 * @param termsMatch               whether the embedded terms hash to the printed fingerprint; null when nothing is embedded
 */
public record SealVerification(boolean valid, String reason, String documentHash, String signer, Instant sealedAt,
                               String caseId, String contractHash, String termsFingerprint, String embeddedTermsFingerprint,
                               Boolean termsMatch) {

    /** The same verdict with the terms found in the document. */
    SealVerification withTerms(EmbeddedTerms terms) {
        return new SealVerification(valid, reason, documentHash, signer, sealedAt, caseId, contractHash, terms.printed(), terms.embedded(),
                terms.matches());
    }

    /** The same findings, but not valid, for {@code why}. */
    SealVerification refused(String why) {
        return new SealVerification(false, why, documentHash, signer, sealedAt, caseId, contractHash, termsFingerprint,
                embeddedTermsFingerprint, termsMatch);
    }
}
