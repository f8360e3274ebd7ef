package org.investflow.signing.envelope;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One incentive the commission grants in the agreement.
 *
 * @param kind        {@code TAX_REBATE} (value = percent), {@code SUBSIDY} (value = amount in the investment's currency)
 *                    or {@code RENT_FREE} (value = whole years)
 * @param value       not negative
 * @param policyBasis the policy document and article that allow it
 */
public record AgreedIncentive(String kind, BigDecimal value, String policyBasis) {

    public AgreedIncentive {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(policyBasis, "policyBasis");
    }
}
