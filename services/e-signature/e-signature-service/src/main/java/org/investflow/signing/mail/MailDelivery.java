package org.investflow.signing.mail;

import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.envelope.EnvelopeService;
import org.investflow.signing.envelope.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drains the envelopes' mail outbox: each mail is sent, then removed from its envelope. A failed
 * delivery stops the run and the mail waits for the next one, so an outage delays mails but never
 * loses them; a crash between sending and removing sends that one mail again (at least once).
 */
public class MailDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

    private final EnvelopeService envelopes;
    private final Postman postman;

    public MailDelivery(EnvelopeService envelopes, Postman postman) {
        this.envelopes = envelopes;
        this.postman = postman;
    }

    /**
     * Delivers every pending mail; answers how many were delivered. A failure ends the run normally
     * (logged), so the job's lease is released and the next run tries again soon.
     */
    public Mono<Long> deliverPending() {
        return envelopes.withPendingMails().concatMap(this::deliverMailsOf).count()
                .onErrorResume(error -> {
                    LOG.warn("mail delivery paused, mails stay queued: {}", error.toString());
                    return Mono.just(0L);
                });
    }

    private Flux<Envelope> deliverMailsOf(Envelope envelope) {
        return Flux.fromIterable(envelope.mails()).concatMap(mail -> deliver(envelope, mail));
    }

    private Mono<Envelope> deliver(Envelope envelope, OutgoingMail mail) {
        return postman.deliver(mail).then(envelopes.delivered(envelope.envelopeId(), mail.mailId()));
    }
}
