package org.investflow.tracking.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.investflow.platform.domain.InvalidInputException;
import org.investflow.platform.domain.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the investor committed to: its checks, its currency rule and the capital figures read against it. */
class CommitmentTest {

    static final LocalDate DEADLINE = LocalDate.of(2028, 6, 30);
    static final Commitment EUR_100 = new Commitment(Money.of(new BigDecimal("100.00"), "EUR"), 5, DEADLINE);

    static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), "EUR");
    }

    @ParameterizedTest(name = "{0} EUR, {1} jobs")
    @CsvSource({"0, 1", "-1.00, 1", "1.00, -1"})
    void aCommitmentWithoutMoneyOrWithNegativeJobsIsNotACommitment(BigDecimal amount, int jobs) {
        assertThatThrownBy(() -> new Commitment(Money.of(amount, "EUR"), jobs, DEADLINE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void capitalInAnotherCurrencyIsRefusedNamingTheField() {
        assertThatThrownBy(() -> EUR_100.requireCommittedCurrency(Money.of(BigDecimal.ONE, "USD")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refused -> assertThat(refused.fieldErrors().get("currency")).contains("USD", "EUR"));
        assertThatNoException().isThrownBy(() -> EUR_100.requireCommittedCurrency(eur("1.00")));
    }

    @ParameterizedTest(name = "{0} realised: exceeded {1}")
    @CsvSource({"99.99, false", "100.00, false", "100, false", "100.01, true"})
    void onlyMoreThanCommittedExceedsIt(String realised, boolean exceeded) {
        assertThat(EUR_100.exceededBy(eur(realised))).isEqualTo(exceeded);
    }

    @Test
    void everyMilestoneWithoutItsOwnDeadlineIsDueByTheLandingDeadline() {
        assertThat(EUR_100.dueBy(Milestone.CONSTRUCTION_STARTED)).isEqualTo(DEADLINE);
        assertThat(EUR_100.tranches()).isEmpty();
    }
}
