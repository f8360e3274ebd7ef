package org.investflow.negotiation.negotiation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.investflow.platform.events.Actor;

/** The negotiation's thread of remarks, oldest first; remarks change no terms and cause no event. */
public class Comments {

    private List<Comment> thread = new ArrayList<>();

    /** Appends {@code party}'s remark, labelled with the role they wrote it in. */
    Comment add(Actor party, String text, Instant now) {
        Comment comment = new Comment(party.id(), party.role(), text, now);
        thread.add(comment);
        return comment;
    }

    List<Comment> all() {
        return List.copyOf(thread);
    }
}
