package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.investflow.negotiation.events.AgreementReached;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.negotiation.events.Terms;
import org.investflow.platform.testkit.GoldenEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TermsFingerprintTest {

    static final LocalDate DEADLINE = LocalDate.parse("2027-12-31");
    static final Terms TERMS = new Terms(new BigDecimal("120000000.00"), "EUR", 350, DEADLINE);

    @Test
    void theCanonicalFormHasAFixedFieldOrderAPlainAmountOfScaleTwoAndAnIsoDate() {
        assertThat(TermsFingerprint.canonicalJson(new Terms(new BigDecimal("1.2E+8"), "EUR", 350, DEADLINE)))
                .isEqualTo("{\"investmentAmount\":\"120000000.00\",\"currency\":\"EUR\",\"jobs\":350,\"landingDeadline\":\"2027-12-31\"}");
    }

    @Test
    void isTheSha256OfTheCanonicalFormInLowercaseHex() {
        assertThat(TermsFingerprint.of(TERMS).hex())
                .isEqualTo("b3b89edb6b1d60cd41891760c4e01d4a673d653e9931d1ae6dea9eb38fb09c06");
    }

    @Test
    void theSameTermsAlwaysGiveTheSameFingerprintWhateverTheAmountsScale() {
        Terms sameAmountOtherScale = new Terms(new BigDecimal("120000000"), "EUR", 350, LocalDate.of(2027, 12, 31));
        assertThat(TermsFingerprint.of(sameAmountOtherScale)).isEqualTo(TermsFingerprint.of(TERMS));
        assertThat(TermsFingerprint.of(TERMS)).isEqualTo(TermsFingerprint.of(TERMS));
    }

    @Test
    void changingAnyTermChangesTheFingerprint() {
        TermsFingerprint original = TermsFingerprint.of(TERMS);
        assertThat(TermsFingerprint.of(new Terms(new BigDecimal("120000000.01"), "EUR", 350, DEADLINE))).isNotEqualTo(original);
        assertThat(TermsFingerprint.of(new Terms(TERMS.investmentAmount(), "USD", 350, DEADLINE))).isNotEqualTo(original);
        assertThat(TermsFingerprint.of(new Terms(TERMS.investmentAmount(), "EUR", 351, DEADLINE))).isNotEqualTo(original);
        assertThat(TermsFingerprint.of(new Terms(TERMS.investmentAmount(), "EUR", 350, DEADLINE.plusDays(1)))).isNotEqualTo(original);
    }

    @Test
    void theGoldenAgreementCarriesTheFingerprintOfItsTerms() {
        String golden = GoldenEvents.example(NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED);
        AgreementReached agreement = JsonMapper.builder().build().readValue(golden, AgreementReached.class);
        assertThat(TermsFingerprint.of(agreement.terms()).hex()).isEqualTo(agreement.termsFingerprint());
    }

    @Test
    void onlySixtyFourLowercaseHexDigitsAreAFingerprint() {
        assertThatThrownBy(() -> new TermsFingerprint("B3B89EDB")).isInstanceOf(IllegalArgumentException.class);
    }
}
