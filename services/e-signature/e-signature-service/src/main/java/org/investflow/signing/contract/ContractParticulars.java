package org.investflow.signing.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything the contract template is filled with: the frozen agreed terms and who agreed them.
 *
 * @param agreedAt when negotiation reached the agreement; the PDF's creation date, so re-rendering never changes it
 */
public record ContractParticulars(String caseId, String agreementId, String investorId, String companyName,
                                  BigDecimal investmentAmount, String currency, int jobs, LocalDate landingDeadline,
                                  String termsFingerprint, Instant agreedAt) {

    public ContractParticulars {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(investorId, "investorId");
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(investmentAmount, "investmentAmount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(landingDeadline, "landingDeadline");
        Objects.requireNonNull(termsFingerprint, "termsFingerprint");
        Objects.requireNonNull(agreedAt, "agreedAt");
    }
}
