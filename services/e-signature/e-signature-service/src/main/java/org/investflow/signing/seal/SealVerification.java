package org.investflow.signing.seal;

import java.time.Instant;

/**
 * What verification found out about an uploaded PDF.
 *
 * @param valid                    sealed under the commission's CA, unmodified since, and its embedded terms (if any) match
 *                                 its printed fingerprint
 * @param reason                   why not, or {@code "sealed by the commission and unmodified"} (English)
 * @param reasonCode               the same as a stable code, for a client to say in its user's language; null before a verdict
 * @param documentHash             SHA-256 of the uploaded file
 * @param signer                   the seal certificate's subject, null when there is no readable seal
 * @param sealedAt                 the seal's signing time, null without one
 * @param caseId                   the case the contract belongs to, as the document says, may be null
 * @param contractHash             the signed contract's SHA-256 printed in the executed contract's metadata, may be null
 * @param termsFingerprint         the agreed terms' fingerprint the contract prints, may be null
 * @param embeddedTermsFingerprint SHA-256 of the embedded canonical terms ({@code agreed-terms.json}), null when none
 * @param termsMatch               whether the embedded terms hash to the printed fingerprint; null when nothing is embedded
 * @param timestampedAt            the time a trusted time-stamping authority vouches the seal existed at (RFC 3161), null without
 *                                 a trusted time-stamp
 * @param timestampAuthority       the subject of the TSA's certificate, null without a time-stamp
 * @param level                    {@code PAdES-BASELINE-T} with a trusted time-stamp, {@code PAdES-BASELINE-B} without one,
 *                                 null without a readable seal
 */
public record SealVerification(boolean valid, String reason, Finding reasonCode, String documentHash, String signer, Instant sealedAt,
                               String caseId, String contractHash, String termsFingerprint, String embeddedTermsFingerprint,
                               Boolean termsMatch, Instant timestampedAt, String timestampAuthority, String level) {

    /** Why a document is valid or not: a stable code for each reason verification gives. */
    public enum Finding {
        VALID, NO_SEAL, MORE_THAN_ONE_SEAL, TERMS_DO_NOT_MATCH, UNREADABLE, CHANGED_AFTER_SEALING, TAMPERED, NOT_THE_COMMISSIONS_SEAL,
        BROKEN_TIMESTAMP
    }

    static final String BASELINE_B = "PAdES-BASELINE-B";
    static final String BASELINE_T = "PAdES-BASELINE-T";

    /** What is known before the seal is read: the file's hash, what it says of itself, and no verdict yet. */
    static SealVerification of(String documentHash, Instant sealedAt, String caseId, String contractHash) {
        return new SealVerification(false, null, null, documentHash, null, sealedAt, caseId, contractHash, null, null, null, null, null, null);
    }

    /** The same verdict with the terms found in the document. */
    SealVerification withTerms(EmbeddedTerms terms) {
        return new SealVerification(valid, reason, reasonCode, documentHash, signer, sealedAt, caseId, contractHash, terms.printed(), terms.embedded(),
                terms.matches(), timestampedAt, timestampAuthority, level);
    }

    /** The same findings with the seal's signer, a baseline-B seal until a time-stamp is found. */
    SealVerification signedBy(String subject) {
        return new SealVerification(valid, reason, reasonCode, documentHash, subject, sealedAt, caseId, contractHash, termsFingerprint,
                embeddedTermsFingerprint, termsMatch, timestampedAt, timestampAuthority, BASELINE_B);
    }

    /** The same findings with the trusted time-stamp of {@code authority} at {@code at}: baseline-T. */
    SealVerification timestamped(Instant at, String authority) {
        return new SealVerification(valid, reason, reasonCode, documentHash, signer, sealedAt, caseId, contractHash, termsFingerprint,
                embeddedTermsFingerprint, termsMatch, at, authority, BASELINE_T);
    }

    /** The same findings, valid. */
    SealVerification accepted() {
        return new SealVerification(true, "sealed by the commission and unmodified", Finding.VALID, documentHash, signer, sealedAt, caseId, contractHash,
                termsFingerprint, embeddedTermsFingerprint, termsMatch, timestampedAt, timestampAuthority, level);
    }

    /** The same findings, but not valid, for {@code code}, said in English as {@code why}. */
    SealVerification refused(Finding code, String why) {
        return new SealVerification(false, why, code, documentHash, signer, sealedAt, caseId, contractHash, termsFingerprint,
                embeddedTermsFingerprint, termsMatch, timestampedAt, timestampAuthority, level);
    }
}
