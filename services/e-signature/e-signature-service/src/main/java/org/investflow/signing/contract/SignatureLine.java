package org.investflow.signing.contract;

import java.time.Instant;

/**
 * One signature as the executed contract and the certificate of completion print it.
 *
 * @param capacity  the signer's capacity, bilingual (e.g. "Investor's authorised signatory 投资方授权签字人")
 * @param typedName the name the signer typed, in any script
 */
public record SignatureLine(int order, String capacity, String signerId, String typedName, Instant signedAt) {
}
