package org.investflow.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseIdTest {

    @Test
    void printsAsItsPlainValue() {
        assertThat(CaseId.of("CQ-2026-000123")).hasToString("CQ-2026-000123");
        assertThat(CaseId.of("CQ-2026-000123")).isEqualTo(new CaseId("CQ-2026-000123"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void refusesABlankId(String value) {
        assertThatThrownBy(() -> CaseId.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnOverlongId() {
        assertThatThrownBy(() -> CaseId.of("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }
}
