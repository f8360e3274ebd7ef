package org.investflow.tracking.pipeline;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The currency leadership's capital figures are reported in ({@code investflow.tracking.reporting}) and a
 * fixed table of configured rates into it: the commission sets them for its reporting period. They are
 * not live market rates, and nothing fetches them.
 *
 * @param currency ISO 4217 reporting currency; default CNY
 * @param rates    units of the reporting currency for one unit of each other currency (exact decimals,
 *                 positive); the reporting currency itself is 1. A currency without a rate is not converted:
 *                 the figures name it and leave its capital out.
 */
@Validated
@ConfigurationProperties("investflow.tracking.reporting")
public record ReportingCurrency(@NotNull @Pattern(regexp = "[A-Z]{3}") @DefaultValue("CNY") String currency,
                                Map<String, BigDecimal> rates) {

    public ReportingCurrency {
        rates = rates == null ? Map.of() : Map.copyOf(new TreeMap<>(rates));
        rates.forEach((code, rate) -> {
            if (!code.matches("[A-Z]{3}") || rate == null || rate.signum() <= 0) {
                throw new IllegalArgumentException("reporting rate of " + code + " must be a positive decimal for an ISO 4217 code");
            }
        });
    }

    /** {@code amount} of {@code from} in the reporting currency, or empty when no rate is configured for it. */
    public Optional<BigDecimal> convert(BigDecimal amount, String from) {
        if (currency.equals(from)) {
            return Optional.of(amount);
        }
        return Optional.ofNullable(rates.get(from)).map(amount::multiply);
    }
}
