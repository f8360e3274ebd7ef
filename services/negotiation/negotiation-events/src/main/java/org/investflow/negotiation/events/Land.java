package org.investflow.negotiation.events;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The land the project gets: how much, where, for what and on which terms.
 *
 * @param areaSquareMetres positive
 * @param district         the target district (intake's district code or name)
 * @param use              planned use, e.g. {@code INDUSTRIAL}, {@code COMMERCIAL}, {@code R_AND_D}
 * @param tenure           {@code PURCHASE} or {@code LEASE}
 * @param price            purchase price or yearly rent in the term sheet's currency; null when not yet priced
 * @param leaseYears       lease term in years for a lease, null for a purchase
 */
public record Land(BigDecimal areaSquareMetres, String district, String use, String tenure, BigDecimal price,
                   Integer leaseYears) {

    public Land {
        Objects.requireNonNull(areaSquareMetres, "areaSquareMetres");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(tenure, "tenure");
    }
}
