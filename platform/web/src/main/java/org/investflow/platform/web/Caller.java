package org.investflow.platform.web;

import java.util.Arrays;

import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;

/**
 * The authenticated user behind a request. Controllers receive it as an argument and pass it on;
 * how it is established lives in {@link CallerResolver} alone.
 *
 * @param userId stable id of the user
 * @param role   the role they act in
 */
public record Caller(String userId, Role role) {

    /** Refuses the request unless the caller has one of {@code allowed}. */
    public Caller require(Role... allowed) {
        if (Arrays.asList(allowed).contains(role)) {
            return this;
        }
        throw new ForbiddenException("role " + role + " may not do this");
    }

    public boolean is(Role other) {
        return role == other;
    }

    /** This caller as the actor of the events they cause. */
    public Actor actor() {
        return new Actor(userId, role);
    }
}
