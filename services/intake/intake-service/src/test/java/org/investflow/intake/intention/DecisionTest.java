package org.investflow.intake.intention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class DecisionTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void anAcceptanceOrWithdrawalNamesNoRejectionReason() {
        Decision decision = Decision.by("officer-li", NOW);
        assertThat(decision.by()).isEqualTo("officer-li");
        assertThat(decision.at()).isEqualTo(NOW);
        assertThat(decision.reason()).isNull();
        assertThat(decision.reasonText()).isNull();
    }

    @Test
    void aRejectionKeepsItsCodeAndText() {
        Decision decision = Decision.rejection("officer-li", RejectionReason.OUT_OF_SCOPE, "retail", NOW);
        assertThat(decision.reason()).isEqualTo(RejectionReason.OUT_OF_SCOPE);
        assertThat(decision.reasonText()).isEqualTo("retail");
    }

    @Test
    void aRejectionWithoutAReasonIsNotADecision() {
        assertThatThrownBy(() -> Decision.rejection("officer-li", null, "retail", NOW))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("reason");
    }
}
