package org.investflow.negotiation.events;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * One incentive the commission grants, with the policy it rests on.
 *
 * @param kind        {@code TAX_REBATE} (value = percent), {@code SUBSIDY} (value = amount in the term
 *                    sheet's currency) or {@code RENT_FREE} (value = whole years)
 * @param value       not negative
 * @param policyBasis the policy document and article that allow it
 */
public record Incentive(String kind, BigDecimal value, String policyBasis) {

    public static final String TAX_REBATE = "TAX_REBATE";
    public static final String SUBSIDY = "SUBSIDY";
    public static final String RENT_FREE = "RENT_FREE";
    public static final Set<String> KINDS = Set.of(TAX_REBATE, SUBSIDY, RENT_FREE);

    public Incentive {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(policyBasis, "policyBasis");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("an incentive kind is one of " + KINDS);
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("an incentive value must not be negative");
        }
    }
}
