package org.investflow.intake.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.investflow.intake.screening.ScreeningResult.Flag;
import org.investflow.intake.screening.ScreeningResult.Outcome;
import org.investflow.platform.domain.Money;
import org.junit.jupiter.api.Test;

/** Screening with the negative list shipped in this build (2024 edition). */
class ScreeningTest {

    static final ScreeningProperties SETTINGS = new ScreeningProperties("2024", "CNY",
            Map.of("CNY", BigDecimal.ONE, "EUR", new BigDecimal("7.75"), "USD", new BigDecimal("7.10")),
            new BigDecimal("1000000000"), new BigDecimal("1000000000000"), Duration.ofDays(180));
    static final Screening SCREENING = new Screening(NegativeList.shipped("2024"), SETTINGS);

    @Test
    void gamblingIsProhibitedCitingTheItemOfTheShippedList() {
        ScreeningResult result = SCREENING.screen("92", Money.of(new BigDecimal("1000000"), "USD"), Optional.empty());
        assertThat(result.outcome()).isEqualTo(Outcome.PROHIBITED);
        assertThat(result.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.rule()).isEqualTo("negative-list-2024#16");
            assertThat(reason.detail()).contains("Gambling");
        });
    }

    @Test
    void telecomsGoToReviewNamingTheEquityCap() {
        ScreeningResult result = SCREENING.screen("61", Money.of(new BigDecimal("1000000"), "EUR"), Optional.empty());
        assertThat(result.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(result.flags()).containsExactly(Flag.RESTRICTED);
        assertThat(result.reasons().get(0).detail()).contains("foreign share ≤ 50%");
    }

    @Test
    void anOpenIndustryIsCleared() {
        ScreeningResult result = SCREENING.screen("29", Money.of(new BigDecimal("1000000"), "EUR"), Optional.empty());
        assertThat(result.outcome()).isEqualTo(Outcome.CLEARED);
        assertThat(result.flags()).isEmpty();
        assertThat(result.reportingAmount()).isEqualByComparingTo("7750000.00");
    }

    @Test
    void aDuplicateIsLinkedAndReviewedNotMerged() {
        ScreeningResult result = SCREENING.screen("29", Money.of(new BigDecimal("1000000"), "EUR"), Optional.of("CQ-2026-000007"));
        assertThat(result.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(result.flags()).containsExactly(Flag.DUPLICATE);
        assertThat(result.duplicateOf()).isEqualTo("CQ-2026-000007");
        assertThat(result.reasons().get(0).detail()).contains("CQ-2026-000007").contains("180 days");
    }

    @Test
    void aMajorProjectIsFlaggedFromTheThresholdInTheReportingCurrency() {
        ScreeningResult below = SCREENING.screen("29", Money.of(new BigDecimal("129032258.06"), "EUR"), Optional.empty());
        ScreeningResult at = SCREENING.screen("29", Money.of(new BigDecimal("140845070.43"), "USD"), Optional.empty());
        assertThat(below.flags()).doesNotContain(Flag.MAJOR_PROJECT);
        assertThat(at.flags()).contains(Flag.MAJOR_PROJECT);
        assertThat(at.outcome()).isEqualTo(Outcome.CLEARED);
        assertThat(at.reportingAmount()).isEqualByComparingTo("1000000000.05");
    }

    @Test
    void implausibleAmountsAndUnknownCurrenciesAreNotAccepted() {
        assertThat(SCREENING.plausible(Money.of(new BigDecimal("200000000000"), "EUR"))).isFalse();
        assertThat(SCREENING.plausible(Money.of(new BigDecimal("1000"), "EUR"))).isTrue();
        assertThat(SCREENING.inReportingCurrency(Money.of(new BigDecimal("1000"), "XAU"))).isEmpty();
    }

    @Test
    void companyNamesCompareWithoutCaseSpacingPunctuationAndLegalForm() {
        assertThat(CompanyKey.of("ACME G.m.b.H.")).isEqualTo(CompanyKey.of("acme gmbh")).isEqualTo("acme");
        assertThat(CompanyKey.of("重庆长安汽车股份有限公司")).isEqualTo(CompanyKey.of("重庆长安汽车"));
        assertThat(CompanyKey.of("Acme Robotics Ltd")).isNotEqualTo(CompanyKey.of("Acme Logistics Ltd"));
    }
}
