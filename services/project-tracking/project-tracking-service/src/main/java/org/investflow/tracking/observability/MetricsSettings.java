package org.investflow.tracking.observability;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the business gauges ({@code investflow.tracking.metrics}).
 *
 * @param refreshInterval how often the gauges are recomputed from the read model and the broker; default 30 s
 * @param maxDistricts    districts exported by name (the ones with most cases); the rest are summed as {@code OTHER},
 *                        so the label set stays bounded whatever investors type; default 40
 */
@Validated
@ConfigurationProperties("investflow.tracking.metrics")
public record MetricsSettings(@NotNull @DefaultValue("30s") Duration refreshInterval,
                              @Min(1) @Max(200) @DefaultValue("40") int maxDistricts) {
}
