package org.investflow.signing.envelope;

import java.util.ArrayList;
import java.util.List;

/**
 * The mails an envelope queued (invitations, reminders, codes), stored with the change that caused
 * them; the delivery job sends each and then removes it. Part of {@link Envelope}.
 */
public class MailOutbox {

    private List<OutgoingMail> pending = new ArrayList<>();

    void queue(OutgoingMail mail) {
        List<OutgoingMail> more = new ArrayList<>(pending);
        more.add(mail);
        pending = more;
    }

    /** Removes a delivered mail; false when it was already gone. */
    boolean delivered(String mailId) {
        List<OutgoingMail> rest = pending.stream().filter(mail -> !mail.mailId().equals(mailId)).toList();
        boolean removed = rest.size() < pending.size();
        pending = rest;
        return removed;
    }

    /** Drops every mail not yet sent: they carry links or codes that died with the envelope. */
    void dropAll() {
        pending = List.of();
    }

    /** The mails waiting for delivery, oldest first. */
    List<OutgoingMail> pending() {
        return List.copyOf(pending);
    }
}
