package org.investflow.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void addsExactlyInOneCurrency() {
        Money sum = Money.of(new BigDecimal("0.10"), "EUR").plus(Money.of(new BigDecimal("0.20"), "EUR"));
        assertThat(sum.amount()).isEqualByComparingTo("0.30");
        assertThat(sum.currency()).isEqualTo("EUR");
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of(BigDecimal.ONE, "EUR").plus(Money.of(BigDecimal.ONE, "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR").hasMessageContaining("USD");
    }

    @Test
    void comparesValuesWhateverTheScale() {
        assertThat(Money.of(new BigDecimal("1.0"), "CNY").sameValueAs(Money.of(new BigDecimal("1.00"), "CNY"))).isTrue();
        assertThat(Money.of(new BigDecimal("2"), "CNY").isAtLeast(Money.of(new BigDecimal("1.99"), "CNY"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "eur", "EURO", "E1R"})
    void refusesACurrencyThatIsNotAnIsoCode(String currency) {
        assertThatThrownBy(() -> Money.of(BigDecimal.ONE, currency)).isInstanceOf(IllegalArgumentException.class);
    }
}
