package org.investflow.signing.envelope;

import java.util.Arrays;

import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.events.Role;

/** Who a signer of an envelope signs for, and the user role that signs in that capacity. */
public enum SignerRole {
    /** The investor's authorised signatory: the investor who owns the case. */
    INVESTOR_SIGNATORY(Role.INVESTOR, "Investor's authorised signatory 投资方授权签字人"),
    /** The commission's representative: the case officer the case is assigned to. */
    COMMISSION_REPRESENTATIVE(Role.OFFICER, "Commission representative 商务委代表"),
    /**
     * The representative of the district the project lands in: no platform user, named with their
     * address in the configuration per district; acts only through their mailed link and code.
     */
    DISTRICT_REPRESENTATIVE(Role.DISTRICT_REPRESENTATIVE, "District representative 区政府代表");

    private final Role actingRole;
    private final String capacity;

    SignerRole(Role actingRole, String capacity) {
        this.actingRole = actingRole;
        this.capacity = capacity;
    }

    /** The user role that signs in this capacity. */
    Role actingRole() {
        return actingRole;
    }

    /** The capacity as the contract prints it, English and Chinese. */
    public String capacity() {
        return capacity;
    }

    /** The signer capacity of a user acting in {@code userRole}; other roles never sign. */
    static SignerRole actingAs(Role userRole) {
        return Arrays.stream(values()).filter(role -> role.actingRole == userRole).findFirst()
                .orElseThrow(() -> new ForbiddenException("role " + userRole + " does not sign contracts"));
    }
}
