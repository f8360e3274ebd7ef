package org.investflow.signing.envelope;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The land the agreement grants the project, as frozen in the contract.
 *
 * @param areaSquareMetres positive
 * @param district         the district the land lies in
 * @param use              planned use, e.g. {@code INDUSTRIAL}
 * @param tenure           {@code PURCHASE} or {@code LEASE}
 * @param price            purchase price or yearly rent in the investment's currency; null when not priced
 * @param leaseYears       lease term in years, null for a purchase
 */
public record AgreedLand(BigDecimal areaSquareMetres, String district, String use, String tenure, BigDecimal price, Integer leaseYears) {

    public AgreedLand {
        Objects.requireNonNull(areaSquareMetres, "areaSquareMetres");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(tenure, "tenure");
    }
}
