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
 * @param recoveryAge  what cases owe the tallies from a batch projected this long ago is added by the recovery
 *                     ({@link PipelineProjection#recover}): a batch still on its way is done well within it; default 1 minute
 * @param recoveryInterval how often the recovery looks (on one instance at a time); default 1 minute
 */
@Validated
@ConfigurationProperties("investflow.tracking.pipeline")
public record PipelineSettings(@NotNull @DefaultValue("30d") Duration stalledAfter,
                               @NotNull @DefaultValue("1m") Duration recoveryAge,
                               @NotNull @DefaultValue("1m") Duration recoveryInterval) {

    public PipelineSettings {
        if (stalledAfter != null && (stalledAfter.isNegative() || stalledAfter.isZero())) {
            throw new IllegalArgumentException("stalled-after must be positive");
        }
        if (recoveryInterval != null && (recoveryInterval.isNegative() || recoveryInterval.isZero())) {
            throw new IllegalArgumentException("recovery-interval must be positive");
        }
        if (recoveryAge != null && recoveryAge.isNegative()) {
            throw new IllegalArgumentException("recovery-age must not be negative");
        }
    }
}
