package org.investflow.platform.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The role an {@link Actor} acts in. On the wire it is the constant's name ({@code "OFFICER"}), so
 * events keep the role strings they always carried. Only the four user roles can come from a
 * user's token; {@link #SYSTEM} and {@link #DISTRICT_REPRESENTATIVE} are never a user's.
 */
public enum Role {
    /** A foreign investor using the portal; owns the cases they submit. */
    INVESTOR(true),
    /** A commission case officer. */
    OFFICER(true),
    /** Commission leadership: reads everything, approves. */
    LEADER(true),
    /** Manages configuration. */
    ADMIN(true),
    /** InvestFlow itself: scheduled and event-driven work. */
    SYSTEM(false),
    /** The representative of the district a project lands in; signs only through a mailed link and code. */
    DISTRICT_REPRESENTATIVE(false);

    private final boolean userRole;

    Role(boolean userRole) {
        this.userRole = userRole;
    }

    /** Whether a user's token may carry this role. */
    public boolean userRole() {
        return userRole;
    }

    /** The four roles a user's token may carry. */
    public static List<Role> userRoles() {
        return Arrays.stream(values()).filter(Role::userRole).toList();
    }

    /** The first of {@code names} that is a user role, if any; {@code SYSTEM} and the like are never accepted. */
    public static Optional<Role> firstUserRoleOf(List<String> names) {
        return names.stream()
                .flatMap(name -> userRoles().stream().filter(role -> role.name().equals(name)))
                .findFirst();
    }
}
