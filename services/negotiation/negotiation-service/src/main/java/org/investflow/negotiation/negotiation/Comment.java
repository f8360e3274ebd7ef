package org.investflow.negotiation.negotiation;

import java.time.Instant;
import java.util.Objects;

import org.investflow.platform.events.Role;

/** One remark in the negotiation's thread: who wrote it, in which role, when. */
public record Comment(String author, Role role, String text, Instant at) {

    public Comment {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
