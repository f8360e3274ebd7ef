package org.investflow.signing.envelope;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.investflow.negotiation.events.AgreementReached;
import org.investflow.negotiation.events.Terms;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.messaging.IncomingEvent;
import org.investflow.platform.messaging.ConcurrentChanges;
import org.investflow.platform.messaging.OutboxMessages;
import org.investflow.signing.audit.Origin;
import org.investflow.signing.contract.ContractTemplate;
import org.investflow.signing.envelope.persistence.EnvelopeRepository;
import org.investflow.signing.events.SigningEvent;
import org.investflow.signing.events.SigningEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * E-signature's use cases. Each command loads the envelope, lets it decide, and saves it together
 * with the events it caused (outbox), in one document write.
 */
@Service
public class EnvelopeService {

    private final EnvelopeRepository envelopes;
    private final OutboxMessages outbox;
    private final Clock clock;

    public EnvelopeService(EnvelopeRepository envelopes, OutboxMessages outbox, Clock clock) {
        this.envelopes = envelopes;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Reacts to negotiation's events: an agreement becomes an envelope; the other types are not ours. */
    public Mono<Void> handle(IncomingEvent event) {
        if (event.data() instanceof AgreementReached agreement) {
            return send(event.id(), agreement);
        }
        return Mono.empty();
    }

    /**
     * Sends the contract of an agreement once: a redelivered or repeated agreement finds its envelope
     * (or loses the race on the unique case-and-agreement index) and changes nothing.
     */
    private Mono<Void> send(String eventId, AgreementReached reached) {
        return envelopes.existsByCaseIdAndAgreementId(reached.caseId(), reached.agreementId())
                .flatMap(exists -> exists ? Mono.<Envelope>empty() : create(eventId, agreementOf(reached)))
                .onErrorResume(DuplicateKeyException.class, raced -> Mono.empty())
                .then();
    }

    private Mono<Envelope> create(String eventId, Agreement agreement) {
        return Mono.fromCallable(() -> ContractTemplate.draft(agreement.particulars()).sha256())
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(documentHash -> {
                    Envelope.Sending sending = Envelope.send(UUID.randomUUID().toString(), agreement, documentHash, clock.instant());
                    sending.envelope().markHandled(eventId);
                    return save(sending.envelope(), sending.events());
                });
    }

    private static Agreement agreementOf(AgreementReached reached) {
        Terms terms = reached.terms();
        return new Agreement(reached.caseId(), reached.investorId(), reached.officerId(), reached.agreementId(), reached.companyName(),
                new AgreedTerms(terms.investmentAmount(), terms.currency(), terms.jobs(), terms.landingDeadline()),
                reached.termsFingerprint(), reached.occurredAt());
    }

    /** {@code signer} signs the case's envelope in their turn, under the name they typed. */
    public Mono<Envelope> sign(String caseId, Actor signer, String typedName) {
        return sign(caseId, signer, typedName, Origin.SYSTEM);
    }

    /** As {@link #sign(String, Actor, String)}, the audit trail recording where the request came from. */
    public Mono<Envelope> sign(String caseId, Actor signer, String typedName, Origin origin) {
        return change(caseId, signer, envelope -> envelope.sign(signer, typedName, clock.instant(), origin));
    }

    /** Records in the audit trail that {@code viewer}, one of the envelope's signers, viewed the contract. */
    public Mono<Envelope> recordView(String caseId, Actor viewer, Origin origin) {
        return change(caseId, viewer, envelope -> envelope.view(viewer, clock.instant(), origin));
    }

    /** The case's envelope as {@code viewer} may see it: investors only their own, staff every one. */
    public Mono<Envelope> view(String caseId, Actor viewer) {
        return envelopes.findFirstByCaseIdOrderBySentAtDesc(caseId)
                .filter(envelope -> envelope.isVisibleTo(viewer))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("envelope of case", caseId)));
    }

    private Mono<Envelope> change(String caseId, Actor actor, Function<Envelope, List<SigningEvent>> command) {
        return view(caseId, actor).flatMap(envelope -> save(envelope, command.apply(envelope)))
                .retryWhen(ConcurrentChanges.retry());
    }

    private Mono<Envelope> save(Envelope envelope, List<SigningEvent> events) {
        envelope.enqueue(outbox.of(SigningEvents.CATALOG, events));
        return envelopes.save(envelope);
    }
}
