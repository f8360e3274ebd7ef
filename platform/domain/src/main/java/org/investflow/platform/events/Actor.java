package org.investflow.platform.events;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Who caused an event: the user's id and the {@link Role} they acted in ({@link Role#SYSTEM} for
 * scheduled and event-driven work). In JSON the role is its name, e.g. {@code "OFFICER"}.
 */
public record Actor(String id, Role role) {

    public static final Actor SYSTEM = new Actor("investflow", Role.SYSTEM);

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("actor id is required");
        }
        Objects.requireNonNull(role, "role");
    }

    /** Whether the actor acts as an investor (not named isInvestor: it must not become a JSON property). */
    public boolean actsAsInvestor() {
        return role == Role.INVESTOR;
    }

    /**
     * Whether this actor may see a case: staff see every case, an investor only one they own
     * ({@code owns} tells whether a user id is the case's owner).
     */
    public boolean maySee(Predicate<String> owns) {
        return !actsAsInvestor() || owns.test(id);
    }
}
