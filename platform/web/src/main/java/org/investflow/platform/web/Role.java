package org.investflow.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The roles of InvestFlow's users. */
public enum Role {
    /** A foreign investor using the portal; owns the cases they submit. */
    INVESTOR,
    /** A commission case officer. */
    OFFICER,
    /** Commission leadership: reads everything, approves. */
    LEADER,
    /** Manages configuration. */
    ADMIN;

    /** The first of {@code names} that is an InvestFlow role, if any. */
    public static Optional<Role> firstOf(List<String> names) {
        return names.stream()
                .flatMap(name -> Arrays.stream(values()).filter(role -> role.name().equals(name)))
                .findFirst();
    }
}
