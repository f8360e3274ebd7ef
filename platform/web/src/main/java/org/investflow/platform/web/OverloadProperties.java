package org.investflow.platform.web;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much work one instance takes on at once ({@code investflow.web.overload.*}); beyond it requests are shed.
 *
 * @param maxInFlight API requests one instance handles at the same time; more get 503 with {@code Retry-After}
 * @param retryAfter  what those 503s tell the client to wait (whole seconds, at least 1)
 */
@Validated
@ConfigurationProperties("investflow.web.overload")
public record OverloadProperties(
        @DefaultValue("64") @Min(1) int maxInFlight,
        @DefaultValue("1s") @NotNull Duration retryAfter) {
}
