package org.investflow.negotiation.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.investflow.platform.testkit.ContractVerifier;
import org.junit.jupiter.api.Test;

class NegotiationContractTest {

    static final LocalDate DEADLINE = LocalDate.parse("2027-12-31");

    @Test
    void everyNegotiationEventAgreesWithItsSchemaAndGoldenExample() {
        ContractVerifier.verify(NegotiationEvents.CATALOG);
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
}
