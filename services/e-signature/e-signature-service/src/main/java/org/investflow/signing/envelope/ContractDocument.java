package org.investflow.signing.envelope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The contract text the signers sign, rendered deterministically from an agreement: the same
 * agreement always renders the same text and therefore the same hash, whatever the JVM's locale,
 * time zone or the scale the amount arrived with. (The PDF rendering replaces this text later.)
 *
 * @param text the canonical contract text, UTF-8, lines ending in {@code \n}
 */
public record ContractDocument(String text) {

    /** Drafts the contract of {@code agreement}. */
    public static ContractDocument draft(Agreement agreement) {
        AgreedTerms terms = agreement.terms();
        List<String> lines = List.of(
                "INVESTMENT CONTRACT",
                "case: " + agreement.caseId(),
                "agreement: " + agreement.agreementId(),
                "investor: " + agreement.investorId(),
                "company: " + agreement.companyName(),
                "investment amount: " + terms.investmentAmount().stripTrailingZeros().toPlainString() + " " + terms.currency(),
                "jobs: " + terms.jobs(),
                "landing deadline: " + terms.landingDeadline(),
                "agreed terms fingerprint: " + agreement.termsFingerprint());
        return new ContractDocument(String.join("\n", lines) + "\n");
    }

    /** SHA-256 of the text's UTF-8 bytes, as 64 lowercase hex digits. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
