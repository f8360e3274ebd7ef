package org.investflow.platform.events;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Who caused an event: the user's id and the role they acted in ({@code INVESTOR}, {@code OFFICER},
 * {@code LEADER}, {@code ADMIN}, or {@code SYSTEM} for scheduled and event-driven work).
 */
public record Actor(String id, String role) {

    public static final Actor SYSTEM = new Actor("investflow", "SYSTEM");
    /** The role of foreign investors, who see only their own cases. */
    public static final String INVESTOR = "INVESTOR";

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("actor id is required");
        }
        Objects.requireNonNull(role, "role");
    }

    /** Whether the actor acts as an investor (not named isInvestor: it must not become a JSON property). */
    public boolean actsAsInvestor() {
        return INVESTOR.equals(role);
    }

    /**
     * Whether this actor may see a case: staff see every case, an investor only one they own
     * ({@code owns} tells whether a user id is the case's owner).
     */
    public boolean maySee(Predicate<String> owns) {
        return !actsAsInvestor() || owns.test(id);
    }
}
