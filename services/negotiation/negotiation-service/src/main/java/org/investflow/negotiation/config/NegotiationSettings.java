package org.investflow.negotiation.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.investflow.negotiation.negotiation.ApprovalPolicy;
import org.investflow.negotiation.negotiation.NegotiationLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Negotiation's policy settings ({@code investflow.negotiation.*}); defaults in the service README.
 *
 * @param approval      when a commission version needs a leader's approval, and when a wait is escalated
 * @param inactivity    an open negotiation without any activity for this long fails
 * @param checkInterval how often the watch (inactivity, escalation, gauges) runs, on one instance at a time
 * @param limits        how far a party may grow a negotiation (versions, comments, special conditions)
 */
@Validated
@ConfigurationProperties("investflow.negotiation")
public record NegotiationSettings(@Valid @NotNull @DefaultValue Approval approval,
                                  @DefaultValue("30d") @NotNull Duration inactivity,
                                  @DefaultValue("1m") @NotNull Duration checkInterval,
                                  @Valid @NotNull @DefaultValue Limits limits) {

    /**
     * Bounds on the lists a party grows; see {@link NegotiationLimits}.
     *
     * @param termSheetVersions versions (proposals and counter-offers) per negotiation
     * @param comments          comments per negotiation
     * @param specialConditions special conditions per version (at most 50, what a request may carry)
     */
    public record Limits(@DefaultValue("50") @Min(1) int termSheetVersions, @DefaultValue("200") @Min(1) int comments,
                         @DefaultValue("50") @Min(0) @Max(50) int specialConditions) {

        NegotiationLimits limits() {
            return new NegotiationLimits(termSheetVersions, comments, specialConditions);
        }
    }

    /**
     * The maker-checker policy.
     *
     * @param subsidyShareAbove     subsidy ÷ investment above which approval is needed
     * @param subsidyAmountAbove    per currency, subsidy amount above which approval is needed; a subsidy in an
     *                              unlisted currency always needs approval
     * @param rentFreeYearsAbove    rent-free years above which approval is needed
     * @param taxRebatePercentAbove tax rebate percent above which approval is needed
     * @param escalateAfter         a version waiting this long for approval is escalated
     */
    public record Approval(@DefaultValue("0.05") @NotNull @DecimalMin("0") BigDecimal subsidyShareAbove,
                           Map<String, BigDecimal> subsidyAmountAbove,
                           @DefaultValue("3") @NotNull @DecimalMin("0") BigDecimal rentFreeYearsAbove,
                           @DefaultValue("15") @NotNull @DecimalMin("0") BigDecimal taxRebatePercentAbove,
                           @DefaultValue("48h") @NotNull Duration escalateAfter) {

        ApprovalPolicy policy() {
            return new ApprovalPolicy(subsidyShareAbove, subsidyAmountAbove == null ? Map.of() : subsidyAmountAbove,
                    rentFreeYearsAbove, taxRebatePercentAbove);
        }
    }
}
