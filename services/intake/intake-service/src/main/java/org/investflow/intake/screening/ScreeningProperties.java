package org.investflow.intake.screening;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Screening settings ({@code investflow.intake.screening.*}).
 *
 * @param negativeListEdition    which shipped negative list applies
 * @param reportingCurrency      the currency leadership reads amounts in
 * @param ratesToReporting       units of the reporting currency per unit of each accepted currency
 * @param majorProjectThreshold  from this amount (reporting currency) an intention is a major project
 * @param maximumAmount          larger plans (reporting currency) are implausible and refused
 * @param duplicateWindow        how far back an intention of the same company, industry and district counts as a duplicate
 */
@Validated
@ConfigurationProperties("investflow.intake.screening")
public record ScreeningProperties(
        @DefaultValue("2024") @NotNull String negativeListEdition,
        @DefaultValue("CNY") @NotNull String reportingCurrency,
        @NotEmpty Map<String, BigDecimal> ratesToReporting,
        @DefaultValue("1000000000") @Positive BigDecimal majorProjectThreshold,
        @DefaultValue("1000000000000") @Positive BigDecimal maximumAmount,
        @DefaultValue("180d") @NotNull Duration duplicateWindow) {
}
