package org.investflow.signing.envelope;

import java.util.Arrays;

import org.investflow.platform.domain.ForbiddenException;

/** Who a signer of an envelope signs for, and the user role that signs in that capacity. */
public enum SignerRole {
    /** The investor's authorised signatory: the investor who owns the case. */
    INVESTOR_SIGNATORY("INVESTOR", "Investor's authorised signatory 投资方授权签字人"),
    /** The commission's representative: the case officer the case is assigned to. */
    COMMISSION_REPRESENTATIVE("OFFICER", "Commission representative 商务委代表"),
    /**
     * The representative of the district the project lands in: no platform user, named with their
     * address in the configuration per district; acts only through their mailed link and code.
     */
    DISTRICT_REPRESENTATIVE("DISTRICT_REPRESENTATIVE", "District representative 区政府代表");

    private final String actingRole;
    private final String capacity;

    SignerRole(String actingRole, String capacity) {
        this.actingRole = actingRole;
        this.capacity = capacity;
    }

    /** The user role that signs in this capacity. */
    String actingRole() {
        return actingRole;
    }

    /** The capacity as the contract prints it, English and Chinese. */
    public String capacity() {
        return capacity;
    }

    /** The signer capacity of a user acting in {@code userRole}; other roles never sign. */
    static SignerRole actingAs(String userRole) {
        return Arrays.stream(values()).filter(role -> role.actingRole.equals(userRole)).findFirst()
                .orElseThrow(() -> new ForbiddenException("role " + userRole + " does not sign contracts"));
    }
}
