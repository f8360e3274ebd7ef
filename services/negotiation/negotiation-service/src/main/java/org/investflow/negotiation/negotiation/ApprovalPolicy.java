package org.investflow.negotiation.negotiation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.investflow.negotiation.events.Incentive;
import org.investflow.negotiation.events.Terms;
import org.investflow.platform.domain.Money;

/**
 * When a commission version needs a leader's approval: each threshold is exceeded only strictly above
 * it (a value exactly at the threshold needs none). A subsidy in a currency without a configured
 * absolute limit always needs approval: there is no auto-pass. The approval-relevant terms are those the
 * policy reads: the investment amount and currency and every incentive (kind, value and policy basis);
 * a version that changes none of them compared to the last approved version keeps that approval.
 *
 * @param subsidyShareAbove     subsidy ÷ investment amount above which approval is needed (0.05 = 5 %)
 * @param subsidyAmountAbove    per ISO 4217 currency, the subsidy amount above which approval is needed
 * @param rentFreeYearsAbove    rent-free years above which approval is needed
 * @param taxRebatePercentAbove tax rebate percent above which approval is needed
 */
public record ApprovalPolicy(BigDecimal subsidyShareAbove, Map<String, BigDecimal> subsidyAmountAbove,
                             BigDecimal rentFreeYearsAbove, BigDecimal taxRebatePercentAbove) {

    public ApprovalPolicy {
        subsidyAmountAbove = Map.copyOf(subsidyAmountAbove);
    }

    /** The thresholds {@code terms} exceed, in words; empty when no approval is needed. */
    public List<String> reasonsFor(Terms terms) {
        List<String> reasons = new ArrayList<>();
        for (Incentive incentive : terms.incentives()) {
            switch (incentive.kind()) {
                case Incentive.SUBSIDY -> reasons.addAll(subsidyReasons(Money.of(incentive.value(), terms.currency()),
                        Money.of(terms.investmentAmount(), terms.currency())));
                case Incentive.RENT_FREE -> above(incentive.value(), rentFreeYearsAbove, "rent-free years", reasons);
                default -> above(incentive.value(), taxRebatePercentAbove, "tax rebate percent", reasons);
            }
        }
        return List.copyOf(reasons);
    }

    /**
     * Whether {@code a} and {@code b} agree on every approval-relevant term (amounts by value, incentives in any
     * order); jobs, dates, land, the capital schedule and special conditions do not matter to the policy.
     */
    static boolean sameApprovalRelevantTerms(Terms a, Terms b) {
        return a.investmentAmount().compareTo(b.investmentAmount()) == 0 && a.currency().equals(b.currency())
                && incentives(a).equals(incentives(b));
    }

    private static Map<String, String> incentives(Terms terms) {
        return terms.incentives().stream().collect(Collectors.toMap(Incentive::kind,
                incentive -> incentive.value().stripTrailingZeros().toPlainString() + " " + incentive.policyBasis()));
    }

    private List<String> subsidyReasons(Money subsidy, Money investment) {
        List<String> reasons = new ArrayList<>();
        BigDecimal share = subsidy.amount().divide(investment.amount(), 10, RoundingMode.HALF_UP);
        if (share.compareTo(subsidyShareAbove) > 0) {
            reasons.add("subsidy " + subsidy + " is above "
                    + subsidyShareAbove.movePointRight(2).stripTrailingZeros().toPlainString() + "% of the investment");
        }
        Optional<Money> limit = subsidyLimitIn(subsidy.currency());
        if (limit.isEmpty() && subsidy.isPositive()) {
            reasons.add("no subsidy limit is configured for " + subsidy.currency());
        } else if (limit.isPresent() && !limit.get().isAtLeast(subsidy)) {
            reasons.add("subsidy " + subsidy + " is above the limit of " + limit.get().amount().toPlainString());
        }
        return reasons;
    }

    /** The absolute subsidy limit in {@code currency}, if one is configured. */
    private Optional<Money> subsidyLimitIn(String currency) {
        return Optional.ofNullable(subsidyAmountAbove.get(currency)).map(limit -> Money.of(limit, currency));
    }

    private static void above(BigDecimal value, BigDecimal threshold, String what, List<String> reasons) {
        if (value.compareTo(threshold) > 0) {
            reasons.add(what + " " + value.stripTrailingZeros().toPlainString() + " is above "
                    + threshold.stripTrailingZeros().toPlainString());
        }
    }
}
