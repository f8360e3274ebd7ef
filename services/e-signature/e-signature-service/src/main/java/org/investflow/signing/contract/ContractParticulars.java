package org.investflow.signing.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.investflow.signing.events.MilestoneDeadlines;
import org.investflow.signing.events.Tranche;

/**
 * Everything the contract template is filled with: the frozen agreed terms and who agreed them.
 *
 * @param agreedAt        when negotiation reached the agreement; the PDF's creation date, so re-rendering never changes it
 * @param capitalSchedule the agreed tranches, printed when there are any
 * @param milestones      the agreed milestone deadlines, printed when agreed (null otherwise)
 */
public record ContractParticulars(String caseId, String agreementId, String investorId, String companyName,
                                  BigDecimal investmentAmount, String currency, int jobs, LocalDate landingDeadline,
                                  String termsFingerprint, Instant agreedAt, List<Tranche> capitalSchedule,
                                  MilestoneDeadlines milestones) {

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
        capitalSchedule = capitalSchedule == null ? List.of() : List.copyOf(capitalSchedule);
    }

    /** Particulars without schedule or milestone deadlines. */
    public ContractParticulars(String caseId, String agreementId, String investorId, String companyName, BigDecimal investmentAmount,
                               String currency, int jobs, LocalDate landingDeadline, String termsFingerprint, Instant agreedAt) {
        this(caseId, agreementId, investorId, companyName, investmentAmount, currency, jobs, landingDeadline, termsFingerprint,
                agreedAt, List.of(), null);
    }
}
