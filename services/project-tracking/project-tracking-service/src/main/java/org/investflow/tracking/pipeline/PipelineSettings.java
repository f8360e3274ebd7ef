package org.investflow.tracking.pipeline;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the pipeline read model ({@code investflow.tracking.pipeline}).
 *
 * @param stalledAfter a case still in the funnel (not an exit, not yet operating) with no transition
 *                     for this long is stalled; default 30 days
 */
@Validated
@ConfigurationProperties("investflow.tracking.pipeline")
public record PipelineSettings(@NotNull @DefaultValue("30d") Duration stalledAfter) {

    public PipelineSettings {
        if (stalledAfter != null && (stalledAfter.isNegative() || stalledAfter.isZero())) {
            throw new IllegalArgumentException("stalled-after must be positive");
        }
    }
}
