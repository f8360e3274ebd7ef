package org.investflow.tracking.project.scheduling;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the delay check ({@code investflow.tracking.delay}).
 *
 * @param checkInterval how often the check runs (on one instance at a time); default one hour, positive
 */
@Validated
@ConfigurationProperties("investflow.tracking.delay")
public record DelaySettings(@NotNull @DefaultValue("1h") Duration checkInterval) {

    public DelaySettings {
        if (checkInterval != null && (checkInterval.isNegative() || checkInterval.isZero())) {
            throw new IllegalArgumentException("check-interval must be positive");
        }
    }
}
