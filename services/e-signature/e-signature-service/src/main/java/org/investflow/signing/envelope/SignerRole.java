package org.investflow.signing.envelope;

import java.util.Arrays;

import org.investflow.platform.domain.ForbiddenException;

/** Who a signer of an envelope signs for, and the user role that signs in that capacity. */
public enum SignerRole {
    /** The investor's authorised signatory: the investor who owns the case. */
    INVESTOR_SIGNATORY("INVESTOR"),
    /** The commission's representative: the case officer the case is assigned to. */
    COMMISSION_REPRESENTATIVE("OFFICER");

    private final String actingRole;

    SignerRole(String actingRole) {
        this.actingRole = actingRole;
    }

    /** The signer capacity of a user acting in {@code userRole}; other roles never sign. */
    static SignerRole actingAs(String userRole) {
        return Arrays.stream(values()).filter(role -> role.actingRole.equals(userRole)).findFirst()
                .orElseThrow(() -> new ForbiddenException("role " + userRole + " does not sign contracts"));
    }
}
