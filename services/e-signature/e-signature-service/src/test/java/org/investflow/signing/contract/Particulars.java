package org.investflow.signing.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.investflow.signing.events.MilestoneDeadlines;
import org.investflow.signing.events.Tranche;

/** Object mother of contract particulars and signatures: a Chongqing case of a German investor. */
public final class Particulars {

    public static final String FINGERPRINT = "b3b89edb6b1d60cd41891760c4e01d4a673d653e9931d1ae6dea9eb38fb09c06";
    public static final String COMPANY = "Acme Präzision GmbH 重庆两江新区精密制造有限公司";
    public static final Instant AGREED = Instant.parse("2026-03-12T06:00:00Z");

    private Particulars() {
    }

    public static ContractParticulars agreed() {
        return agreed("120000000.00");
    }

    public static ContractParticulars agreed(String amount) {
        return new ContractParticulars("CQ-2026-000123", "5f0c7a2e-8d41-4b7e-9c3a-2b6f1e9d4a10", "investor-de-1", COMPANY,
                new BigDecimal(amount), "EUR", 350, LocalDate.of(2027, 12, 31), FINGERPRINT, AGREED);
    }

    /** Agreed with a capital schedule of two tranches and three milestone deadlines. */
    public static ContractParticulars scheduled() {
        ContractParticulars agreed = agreed();
        return new ContractParticulars(agreed.caseId(), agreed.agreementId(), agreed.investorId(), COMPANY, agreed.investmentAmount(), "EUR",
                350, agreed.landingDeadline(), FINGERPRINT, AGREED,
                List.of(new Tranche(new BigDecimal("20000000.00"), LocalDate.of(2026, 9, 30)),
                        new Tranche(new BigDecimal("100000000.00"), LocalDate.of(2027, 6, 30))),
                new MilestoneDeadlines(LocalDate.of(2026, 6, 30), null, LocalDate.of(2026, 12, 31), null, LocalDate.of(2027, 12, 1)));
    }

    public static List<SignatureLine> signatures() {
        return List.of(
                new SignatureLine(1, "Investor's authorised signatory 投资方授权签字人", "investor-de-1", "Hans Müller", AGREED.plusSeconds(3600)),
                new SignatureLine(2, "Commission representative 商务委代表", "officer-li", "李伟", AGREED.plusSeconds(7200)));
    }
}
