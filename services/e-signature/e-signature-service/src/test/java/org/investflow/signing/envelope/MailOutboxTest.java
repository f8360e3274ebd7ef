package org.investflow.signing.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The envelope's mail outbox: queued in order, removed once delivered, dropped when the envelope closes. */
class MailOutboxTest {

    static final Instant NOW = Instant.parse("2026-04-10T09:00:00Z");

    static OutgoingMail code(String to) {
        return OutgoingMail.code(to, "CQ-2026-000123", "424242", Duration.ofMinutes(10), NOW);
    }

    @Test
    void mailsWaitInTheOrderTheyWereQueued() {
        MailOutbox outbox = new MailOutbox();
        outbox.queue(code("a@example.org"));
        outbox.queue(code("b@example.org"));
        assertThat(outbox.pending()).extracting(OutgoingMail::to).containsExactly("a@example.org", "b@example.org");
    }

    @Test
    void aDeliveredMailIsRemovedOnceAndOnlyIt() {
        MailOutbox outbox = new MailOutbox();
        OutgoingMail first = code("a@example.org");
        outbox.queue(first);
        outbox.queue(code("b@example.org"));
        assertThat(outbox.delivered(first.mailId())).isTrue();
        assertThat(outbox.delivered(first.mailId())).as("already gone").isFalse();
        assertThat(outbox.pending()).extracting(OutgoingMail::to).containsExactly("b@example.org");
    }

    @Test
    void droppingEmptiesTheOutbox() {
        MailOutbox outbox = new MailOutbox();
        outbox.queue(code("a@example.org"));
        outbox.dropAll();
        assertThat(outbox.pending()).isEmpty();
    }

    @Test
    void aCodeMailNamesTheCaseInItsSubjectAndCarriesTheCodeOnlyInItsBody() {
        OutgoingMail mail = code("a@example.org");
        assertThat(mail.kind()).isEqualTo(OutgoingMail.Kind.CODE);
        assertThat(mail.subject()).contains("CQ-2026-000123").doesNotContain("424242");
        assertThat(mail.text()).contains("424242", "10 minutes");
    }
}
