package org.investflow.negotiation.negotiation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.investflow.intake.events.IntentionAccepted;
import org.investflow.negotiation.events.NegotiationEvent;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.negotiation.persistence.NegotiationRepository;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.messaging.IncomingEvent;
import org.investflow.platform.messaging.ConcurrentChanges;
import org.investflow.platform.messaging.OutboxMessages;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Negotiation's use cases. Each command loads the negotiation, lets it decide, and saves it together
 * with the events it caused (outbox), in one document write.
 */
@Service
public class NegotiationService {

    private final NegotiationRepository negotiations;
    private final OutboxMessages outbox;
    private final Clock clock;

    public NegotiationService(NegotiationRepository negotiations, OutboxMessages outbox, Clock clock) {
        this.negotiations = negotiations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Reacts to one of intake's events; the types negotiation does not need are acknowledged and ignored. */
    public Mono<Void> handle(IncomingEvent event) {
        if (event.data() instanceof IntentionAccepted accepted) {
            return Mono.fromCallable(() -> AcceptedIntention.of(accepted)).flatMap(intention -> open(event.id(), intention));
        }
        return Mono.empty();
    }

    /**
     * Opens the case's negotiation once: a redelivered or repeated acceptance of a case that is
     * already negotiated is skipped, also when two deliveries race to create it.
     */
    private Mono<Void> open(String eventId, AcceptedIntention intention) {
        return negotiations.existsById(intention.caseId())
                .filter(exists -> !exists)
                .flatMap(absent -> create(eventId, intention))
                .onErrorResume(DuplicateKeyException.class, raced -> Mono.empty())
                .then();
    }

    private Mono<Negotiation> create(String eventId, AcceptedIntention intention) {
        Negotiation.Opening opening = Negotiation.open(intention, eventId, clock.instant());
        return save(opening.negotiation(), opening.events());
    }

    /**
     * The officer the case is assigned to proposes a new term-sheet version; another officer is
     * refused (they may read the case, so the refusal does not hide that it exists).
     */
    public Mono<Negotiation> propose(String caseId, Actor officer, Terms terms) {
        return change(find(caseId, officer),
                negotiation -> negotiation.propose(terms, officer, LocalDate.now(clock), clock.instant()));
    }

    /** The owning investor accepts the latest version; anyone else's case is not found. */
    public Mono<Negotiation> accept(String caseId, int version, Actor investor) {
        return change(find(caseId, investor),
                negotiation -> negotiation.accept(version, investor, UUID.randomUUID().toString(), clock.instant()));
    }

    /** The negotiation as {@code viewer} may see it: investors only their own, staff every one. */
    public Mono<Negotiation> find(String caseId, Actor viewer) {
        return negotiations.findById(caseId)
                .filter(negotiation -> !"INVESTOR".equals(viewer.role()) || negotiation.isOwnedBy(viewer.id()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("negotiation", caseId)));
    }

    private Mono<Negotiation> change(Mono<Negotiation> found, Function<Negotiation, List<NegotiationEvent>> command) {
        return found.flatMap(negotiation -> save(negotiation, command.apply(negotiation)))
                .retryWhen(ConcurrentChanges.retry());
    }

    private Mono<Negotiation> save(Negotiation negotiation, List<NegotiationEvent> events) {
        negotiation.enqueue(outbox.of(NegotiationEvents.CATALOG, events));
        return negotiations.save(negotiation);
    }
}
