package org.investflow.platform.events;

import java.util.Objects;

/**
 * Who caused an event: the user's id and the role they acted in ({@code INVESTOR}, {@code OFFICER},
 * {@code LEADER}, {@code ADMIN}, or {@code SYSTEM} for scheduled and event-driven work).
 */
public record Actor(String id, String role) {

    public static final Actor SYSTEM = new Actor("investflow", "SYSTEM");

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("actor id is required");
        }
        Objects.requireNonNull(role, "role");
    }
}
