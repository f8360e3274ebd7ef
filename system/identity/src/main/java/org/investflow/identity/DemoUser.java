package org.investflow.identity;

import java.util.List;
import java.util.Optional;

/**
 * One demo user of the local stack: the token's {@code sub}, its {@code roles} (without a prefix) and,
 * for investors, the ISO 3166-1 alpha-2 {@code country}.
 */
public record DemoUser(String username, List<String> roles, Optional<String> country) {

    public DemoUser {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a demo user needs a username");
        }
        roles = List.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("demo user " + username + " needs a role");
        }
        if (country.filter(code -> !code.matches("[A-Z]{2}")).isPresent()) {
            throw new IllegalArgumentException("country of " + username + " must be ISO alpha-2, got " + country.get());
        }
    }

    static DemoUser investor(String username, String country) {
        return new DemoUser(username, List.of("INVESTOR"), Optional.of(country));
    }

    static DemoUser staff(String username, String role) {
        return new DemoUser(username, List.of(role), Optional.empty());
    }
}
