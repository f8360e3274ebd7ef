package org.investflow.signing.envelope;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.investflow.platform.domain.CaseId;
import org.investflow.platform.domain.Money;

/** Object mother of agreements: sensible defaults, each test changes only what matters to it. */
final class Agreements {

    static final String CASE = "CQ-2026-000123";
    static final String INVESTOR = "investor-de-1";
    static final String AGREEMENT = "5f0c7a2e-8d41-4b7e-9c3a-2b6f1e9d4a10";
    static final String FINGERPRINT = "b3b89edb6b1d60cd41891760c4e01d4a673d653e9931d1ae6dea9eb38fb09c06";

    private Agreements() {
    }

    static AgreedTerms terms(String amount) {
        return terms(amount, null);
    }

    /** Terms without schedule or milestones, with land in {@code district} (null: no land). */
    static AgreedTerms terms(String amount, String district) {
        return new AgreedTerms(Money.of(new BigDecimal(amount), "EUR"), 350, LocalDate.of(2027, 12, 31), List.of(), null, district);
    }

    static Agreement agreement() {
        return agreement(terms("120000000.00"), FINGERPRINT);
    }

    static Agreement agreement(AgreedTerms terms, String fingerprint) {
        return new Agreement(CaseId.of(CASE), INVESTOR, "officer-li", AGREEMENT, "Acme Präzision GmbH 重庆", terms, fingerprint,
                Instant.parse("2026-03-12T06:00:00Z"));
    }
}
