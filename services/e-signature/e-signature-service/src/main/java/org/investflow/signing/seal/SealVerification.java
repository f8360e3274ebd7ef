package org.investflow.signing.seal;

import java.time.Instant;

/**
 * What verification found out about an uploaded PDF.
 *
 * @param valid              sealed by the commission and unmodified since
 * @param reason             why not, or {@code "sealed by the commission and unmodified"}
 * @param documentHash       SHA-256 of the uploaded file
 * @param signer             the seal certificate's subject, null when there is no readable seal
 * @param sealedAt           the seal's signing time, null without one
 * @param caseId             the case the contract belongs to, as the document says, may be null
 * @param contractHash       the signed contract's SHA-256 printed in the executed contract's metadata, may be null
 */
public record SealVerification(boolean valid, String reason, String documentHash, String signer, Instant sealedAt,
                               String caseId, String contractHash) {
}
