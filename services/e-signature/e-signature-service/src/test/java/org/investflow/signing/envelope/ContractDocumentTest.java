package org.investflow.signing.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.signing.envelope.Agreements.FINGERPRINT;
import static org.investflow.signing.envelope.Agreements.agreement;
import static org.investflow.signing.envelope.Agreements.terms;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ContractDocumentTest {

    @Test
    void theSameTermsAlwaysRenderTheSameDocumentAndHash() {
        ContractDocument first = ContractDocument.draft(agreement(terms("120000000.00"), FINGERPRINT));
        ContractDocument again = ContractDocument.draft(agreement(terms("120000000"), FINGERPRINT));
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.hash()).isEqualTo(first.hash());
    }

    @Test
    void theHashIsTheSha256OfTheCanonicalTextAsAnyOtherToolComputesIt() {
        // pinned value computed outside Java (Python hashlib over the same UTF-8 text)
        assertThat(ContractDocument.draft(agreement()).hash())
                .isEqualTo("c327ddf3c2063e10725b754f53321a2cfd946b32ff86ecca4f8749669af0efd4");
    }

    @Test
    void theDocumentStatesTheAgreedFigures() {
        assertThat(ContractDocument.draft(agreement()).text())
                .contains("investment amount: 120000000 EUR", "jobs: 350", "landing deadline: 2027-12-31",
                        "agreed terms fingerprint: " + FINGERPRINT, "company: Acme Präzision GmbH 重庆");
    }

    @Test
    void otherTermsRenderAnotherHash() {
        String agreed = ContractDocument.draft(agreement()).hash();
        AgreedTerms fewerJobs = new AgreedTerms(new BigDecimal("120000000.00"), "EUR", 349, LocalDate.of(2027, 12, 31));
        assertThat(ContractDocument.draft(agreement(terms("120000000.01"), FINGERPRINT)).hash()).isNotEqualTo(agreed);
        assertThat(ContractDocument.draft(agreement(fewerJobs, FINGERPRINT)).hash()).isNotEqualTo(agreed);
        assertThat(ContractDocument.draft(agreement(terms("120000000.00"), "0".repeat(64))).hash()).isNotEqualTo(agreed);
    }
}
