package org.investflow.negotiation.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.investflow.platform.events.Actor;

import org.investflow.platform.testkit.ContractVerifier;
import org.investflow.platform.testkit.GoldenEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class NegotiationContractTest {

    static final LocalDate DEADLINE = LocalDate.parse("2027-12-31");

    @Test
    void everyNegotiationEventAgreesWithItsSchemaAndGoldenExample() {
        ContractVerifier.verify(NegotiationEvents.CATALOG);
    }

    @Test
    void anAgreementOfAnEarlierReleaseWithoutTheCompanysRegistrationReadsAsNull() {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode earlier = (ObjectNode) json.readTree(GoldenEvents.example(NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED));
        earlier.remove("registrationNumber");
        earlier.remove("country");
        AgreementReached reached = json.treeToValue(earlier, AgreementReached.class);
        assertThat(reached.registrationNumber()).isNull();
        assertThat(reached.country()).isNull();
        assertThat(reached.canonicalTerms()).startsWith("{\"investmentAmount\"");
    }

    @Test
    void termsRefuseAnAmountWithMoreThanTwoFractionDigits() {
        assertThatThrownBy(() -> new Terms(new BigDecimal("10.001"), "EUR", 1, DEADLINE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void termsRefuseANonPositiveAmountALowerCaseCurrencyAndNegativeJobs() {
        assertThatThrownBy(() -> new Terms(BigDecimal.ZERO, "EUR", 1, DEADLINE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Terms(BigDecimal.TEN, "eur", 1, DEADLINE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Terms(BigDecimal.TEN, "EUR", -1, DEADLINE)).isInstanceOf(IllegalArgumentException.class);
    }

    static final String FINGERPRINT = "b3b89edb6b1d60cd41891760c4e01d4a673d653e9931d1ae6dea9eb38fb09c06";
    static final Instant AT = Instant.parse("2026-04-10T09:00:00Z");

    @Test
    void aFirstAgreementSupersedesNoneAndALaterOneNamesAFingerprint() {
        Terms terms = new Terms(BigDecimal.TEN, "EUR", 1, DEADLINE);
        assertThat(new AgreementReached("CQ-2026-000123", "i", "o", "a", 1, "c", terms, FINGERPRINT, AT, Actor.SYSTEM)
                .supersedesFingerprint()).isNull();
        assertThatThrownBy(() -> new AgreementReached("CQ-2026-000123", "i", "o", "a", 1, "c", terms, FINGERPRINT, AT,
                Actor.SYSTEM, "not-a-fingerprint")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReopeningNamesOneOfThreeCausesAndAFingerprint() {
        assertThatThrownBy(() -> new NegotiationReopened("CQ-2026-000123", "i", "o", 1, "e", FINGERPRINT, "SIGNED", "r",
                AT, Actor.SYSTEM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NegotiationReopened("CQ-2026-000123", "i", "o", 1, "e", "abc", "DECLINED", "r",
                AT, Actor.SYSTEM)).isInstanceOf(IllegalArgumentException.class);
    }
}
