package org.investflow.signing.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.investflow.signing.envelope.AgreedIncentive;
import org.investflow.signing.envelope.AgreedLand;
import org.investflow.signing.envelope.ContractClauses;
import org.investflow.signing.events.MilestoneDeadlines;
import org.investflow.signing.events.Tranche;

/**
 * Everything the contract template is filled with: the frozen agreed terms and who agreed them.
 *
 * @param agreedAt        when negotiation reached the agreement; the PDF's creation date, so re-rendering never changes it
 * @param capitalSchedule the agreed tranches, printed when there are any
 * @param milestones      the agreed milestone deadlines, printed when agreed (null otherwise)
 * @param land            the land granted, printed when agreed (null otherwise)
 * @param incentives      the incentives granted, each printed
 * @param specialConditions the special conditions, each printed
 * @param canonicalTerms  the canonical terms text embedded as an associated file, or null (then nothing is embedded)
 * @param clauses         the governing-law and dispute-resolution clauses printed, or null (earlier envelopes)
 * @param registrationNumber the investor company's registration number, printed under Party B when known (null otherwise)
 * @param country         the investor company's country (ISO 3166-1 alpha-2), printed under Party B when known
 * @param investorSignatory the name the investor's authorised signatory signed with, printed under Party B in the executed
 *                        contract; null in the contract the signers sign, which cannot know it and must not change as they sign
 */
public record ContractParticulars(String caseId, String agreementId, String investorId, String companyName,
                                  BigDecimal investmentAmount, String currency, int jobs, LocalDate landingDeadline,
                                  String termsFingerprint, Instant agreedAt, List<Tranche> capitalSchedule,
                                  MilestoneDeadlines milestones, AgreedLand land, List<AgreedIncentive> incentives,
                                  List<String> specialConditions, String canonicalTerms, ContractClauses clauses,
                                  String registrationNumber, String country, String investorSignatory) {

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
        incentives = incentives == null ? List.of() : List.copyOf(incentives);
        specialConditions = specialConditions == null ? List.of() : List.copyOf(specialConditions);
    }

    /** Particulars without the investor company's registration or signatory. */
    public ContractParticulars(String caseId, String agreementId, String investorId, String companyName, BigDecimal investmentAmount,
                               String currency, int jobs, LocalDate landingDeadline, String termsFingerprint, Instant agreedAt,
                               List<Tranche> capitalSchedule, MilestoneDeadlines milestones, AgreedLand land,
                               List<AgreedIncentive> incentives, List<String> specialConditions, String canonicalTerms,
                               ContractClauses clauses) {
        this(caseId, agreementId, investorId, companyName, investmentAmount, currency, jobs, landingDeadline, termsFingerprint,
                agreedAt, capitalSchedule, milestones, land, incentives, specialConditions, canonicalTerms, clauses, null, null, null);
    }

    /** These particulars with the investor's authorised signatory named, as the executed contract prints them. */
    public ContractParticulars signedForTheInvestorBy(String signatory) {
        return new ContractParticulars(caseId, agreementId, investorId, companyName, investmentAmount, currency, jobs, landingDeadline,
                termsFingerprint, agreedAt, capitalSchedule, milestones, land, incentives, specialConditions, canonicalTerms, clauses,
                registrationNumber, country, signatory);
    }

    /** Particulars with schedule and milestone deadlines only. */
    public ContractParticulars(String caseId, String agreementId, String investorId, String companyName, BigDecimal investmentAmount,
                               String currency, int jobs, LocalDate landingDeadline, String termsFingerprint, Instant agreedAt,
                               List<Tranche> capitalSchedule, MilestoneDeadlines milestones) {
        this(caseId, agreementId, investorId, companyName, investmentAmount, currency, jobs, landingDeadline, termsFingerprint,
                agreedAt, capitalSchedule, milestones, null, List.of(), List.of(), null, null);
    }

    /** Particulars without schedule or milestone deadlines. */
    public ContractParticulars(String caseId, String agreementId, String investorId, String companyName, BigDecimal investmentAmount,
                               String currency, int jobs, LocalDate landingDeadline, String termsFingerprint, Instant agreedAt) {
        this(caseId, agreementId, investorId, companyName, investmentAmount, currency, jobs, landingDeadline, termsFingerprint,
                agreedAt, List.of(), null);
    }
}
