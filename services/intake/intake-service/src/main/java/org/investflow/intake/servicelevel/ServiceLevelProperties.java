package org.investflow.intake.servicelevel;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The response target ({@code investflow.intake.service-level.*}).
 *
 * @param firstDecisionWorkingDays working days an intention may wait for a first decision
 * @param zone                     the commission's time zone, where working days are counted
 * @param holidays                 public holidays that are not working days
 * @param checkInterval            how often the overdue check runs (on one instance at a time)
 */
@Validated
@ConfigurationProperties("investflow.intake.service-level")
public record ServiceLevelProperties(
        @DefaultValue("5") @Positive int firstDecisionWorkingDays,
        @DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
        @DefaultValue Set<LocalDate> holidays,
        @DefaultValue("1m") @NotNull Duration checkInterval) {
}
