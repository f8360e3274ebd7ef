package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.investflow.negotiation.negotiation.TermSheetTableTest.CASE;
import static org.investflow.negotiation.negotiation.TermSheetTableTest.NOW;
import static org.investflow.negotiation.negotiation.TermSheetTableTest.terms;

import org.investflow.negotiation.events.NegotiationReopened;
import org.investflow.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class ReopeningsTest {

    static Agreement agreement(String id, String amount) {
        return new Agreement(id, 1, terms(amount), TermsFingerprint.of(terms(amount)), "investor-de-1", NOW, null);
    }

    static ContractOutcome outcome(Agreement agreement, String envelopeId) {
        return new ContractOutcome(CASE, envelopeId, agreement.fingerprint().hex(), NegotiationReopened.DECLINED, "no");
    }

    final Reopenings reopenings = new Reopenings();
    final Agreement first = agreement("agreement-1", "1000.00");

    @Test
    void anOutcomeOfTheCurrentAgreementConcernsIt() {
        assertThat(reopenings.concern(first, outcome(first, "envelope-1"), CASE)).isTrue();
        assertThat(reopenings.supersededFingerprint()).isNull();
    }

    @Test
    void anEnvelopeThatAlreadyReopenedOrAnEarlierAgreementChangesNothing() {
        reopenings.add(new Reopening(first, NegotiationReopened.DECLINED, "no", "envelope-1", NOW));
        Agreement second = agreement("agreement-2", "1000.00");
        assertThat(reopenings.concern(second, outcome(second, "envelope-1"), CASE)).isFalse();
        assertThat(reopenings.concern(agreement("agreement-3", "2000.00"), outcome(first, "envelope-2"), CASE)).isFalse();
        assertThat(reopenings.supersededFingerprint()).isEqualTo(first.fingerprint().hex());
    }

    @Test
    void termsThisCaseNeverAgreedOnAreRefused() {
        ContractOutcome foreign = outcome(agreement("agreement-9", "5.00"), "envelope-9");
        assertThatThrownBy(() -> reopenings.concern(first, foreign, CASE)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("never agreed");
    }

    @Test
    void bothPartiesAcceptAgainEachOnce() {
        assertThat(reopenings.acceptAgain(Side.INVESTOR, 1)).isFalse();
        assertThatThrownBy(() -> reopenings.acceptAgain(Side.INVESTOR, 1)).isInstanceOf(RuleViolationException.class);
        assertThat(reopenings.acceptedAgainBy()).containsExactly(Side.INVESTOR);
        assertThat(reopenings.acceptAgain(Side.COMMISSION, 1)).isTrue();
    }

    @Test
    void aNewReopeningStartsTheWaitForAcceptancesAfresh() {
        reopenings.acceptAgain(Side.INVESTOR, 1);
        reopenings.add(new Reopening(first, NegotiationReopened.EXPIRED, "late", "envelope-1", NOW));
        assertThat(reopenings.acceptedAgainBy()).isEmpty();
        assertThat(reopenings.all()).hasSize(1);
    }
}
