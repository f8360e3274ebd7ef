package org.investflow.signing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.investflow.platform.domain.CaseId;
import org.investflow.platform.domain.Money;
import org.investflow.signing.envelope.AgreedTerms;
import org.investflow.signing.envelope.Agreement;
import org.junit.jupiter.api.Test;

/** The agreement as the contract template prints it: the value types become the template's plain particulars. */
class EnvelopeContractTest {

    /** The agreement whose contract the particulars print. */
    static Agreement agreementPrintedAs(ContractParticulars printed, String district) {
        AgreedTerms terms = new AgreedTerms(Money.of(printed.investmentAmount(), printed.currency()), printed.jobs(),
                printed.landingDeadline(), printed.capitalSchedule(), printed.milestones(), district);
        return new Agreement(CaseId.of(printed.caseId()), printed.investorId(), "officer-li", printed.agreementId(),
                printed.companyName(), terms, printed.termsFingerprint(), printed.agreedAt());
    }

    @Test
    void anAgreementFillsTheTemplateWithItsFrozenTerms() {
        ContractParticulars expected = Particulars.agreed();
        assertThat(EnvelopeContract.particularsOf(agreementPrintedAs(expected, null))).isEqualTo(expected);
    }

    @Test
    void theScheduleAndMilestonesArePrintedAsAgreedAndTheDistrictIsNot() {
        ContractParticulars expected = Particulars.scheduled();
        assertThat(EnvelopeContract.particularsOf(agreementPrintedAs(expected, "Liangjiang"))).isEqualTo(expected);
    }
}
