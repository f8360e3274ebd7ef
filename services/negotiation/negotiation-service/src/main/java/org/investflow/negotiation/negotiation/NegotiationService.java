package org.investflow.negotiation.negotiation;

import java.time.Clock;
import java.time.Duration;
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
import reactor.core.publisher.Flux;
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
    private final ApprovalPolicy policy;
    private final NegotiationMetrics metrics;

    public NegotiationService(NegotiationRepository negotiations, OutboxMessages outbox, Clock clock, ApprovalPolicy policy,
                              NegotiationMetrics metrics) {
        this.negotiations = negotiations;
        this.outbox = outbox;
        this.clock = clock;
        this.policy = policy;
        this.metrics = metrics;
    }

    /** Reacts to one of intake's events; the types negotiation does not need are acknowledged and ignored. */
    public Mono<Void> handle(IncomingEvent event) {
        if (event.data() instanceof IntentionAccepted accepted) {
            return Mono.fromCallable(() -> AcceptedIntention.of(accepted)).flatMap(intention -> open(event.id(), intention));
        }
        return Mono.empty();
    }

    /**
     * Reacts to one of e-signature's events: a contract of the case's current agreement that was declined,
     * expired or voided reopens the negotiation; the other types, and outcomes of earlier agreements, are
     * acknowledged and change nothing. An outcome for a case or terms negotiation never knew is refused.
     */
    public Mono<Void> reactToContract(IncomingEvent event) {
        return ContractOutcome.of(event.data()).map(outcome -> reopen(event.id(), outcome)).orElse(Mono.empty());
    }

    private Mono<Void> reopen(String eventId, ContractOutcome outcome) {
        return negotiations.findById(outcome.caseId())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("negotiation", outcome.caseId())))
                .filter(negotiation -> !negotiation.hasHandled(eventId))
                .flatMap(negotiation -> {
                    List<NegotiationEvent> events = negotiation.reopen(outcome, eventId, clock.instant());
                    return events.isEmpty() ? Mono.<Negotiation>empty() : save(negotiation, events);
                })
                .doOnNext(reopened -> metrics.reopened(outcome.cause()))
                .retryWhen(ConcurrentChanges.retry())
                .then();
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
     * A party (the assigned officer or the owning investor) proposes a new version; another officer
     * is refused (they may read the case, so the refusal does not hide that it exists).
     *
     * @param expectedRevision the revision the caller acted on ({@code If-Match}), null to skip the check
     */
    public Mono<Negotiation> propose(String caseId, Actor party, Terms terms, Integer basedOn, Long expectedRevision) {
        return change(find(caseId, party), expectedRevision,
                negotiation -> negotiation.propose(terms, basedOn, party, policy, LocalDate.now(clock), clock.instant()));
    }

    /** The assigned officer's proposal of the first release: no predecessor named, no revision check. */
    public Mono<Negotiation> propose(String caseId, Actor officer, Terms terms) {
        return propose(caseId, officer, terms, null, null);
    }

    /** The other party accepts the latest version on the table; an investor's foreign case is not found. */
    public Mono<Negotiation> accept(String caseId, int version, Actor party, Long expectedRevision) {
        return change(find(caseId, party), expectedRevision,
                negotiation -> negotiation.accept(version, party, policy, UUID.randomUUID().toString(), clock.instant()))
                .doOnNext(metrics::agreed);
    }

    /** As {@link #accept(String, int, Actor, Long)} without a revision check. */
    public Mono<Negotiation> accept(String caseId, int version, Actor party) {
        return accept(caseId, version, party, null);
    }

    /** A leader other than the version's author approves it, with a reason. */
    public Mono<Negotiation> approve(String caseId, int version, Actor leader, String reason, Long expectedRevision) {
        return change(find(caseId, leader), expectedRevision,
                negotiation -> negotiation.approve(version, leader, reason, clock.instant()));
    }

    /** A leader other than the version's author rejects it, with a reason. */
    public Mono<Negotiation> reject(String caseId, int version, Actor leader, String reason, Long expectedRevision) {
        return change(find(caseId, leader), expectedRevision,
                negotiation -> negotiation.reject(version, leader, reason, clock.instant()));
    }

    /** A party withdraws; the negotiation fails. */
    public Mono<Negotiation> withdraw(String caseId, Actor party, String reason, Long expectedRevision) {
        return change(find(caseId, party), expectedRevision, negotiation -> negotiation.withdraw(party, reason, clock.instant()))
                .doOnNext(metrics::failed);
    }

    /** A party adds a comment to the thread; comments cause no event. */
    public Mono<Comment> comment(String caseId, Actor party, String text) {
        return find(caseId, party)
                .flatMap(negotiation -> {
                    Comment comment = negotiation.comment(party, text, clock.instant());
                    return negotiations.save(negotiation).thenReturn(comment);
                })
                .retryWhen(ConcurrentChanges.retry());
    }

    /** Fails the negotiation if it has been inactive for {@code period}; emits whether it did. */
    public Mono<Boolean> expireIfInactive(String caseId, Duration period) {
        return changeIfAny(caseId, negotiation -> negotiation.expireIfInactive(period, clock.instant()))
                .doOnNext(expired -> { if (expired) { metrics.failedInactive(); } });
    }

    /** Escalates the case's pending approval if it has waited {@code after}; emits whether it did. */
    public Mono<Boolean> escalate(String caseId, Duration after) {
        return changeIfAny(caseId, negotiation -> negotiation.escalate(after, clock.instant()));
    }

    /** The versions waiting for approval, oldest first: the report that makes a missing approver visible. */
    public Flux<PendingApproval> pendingApprovals() {
        return negotiations.findByPendingApprovalSinceNotNullOrderByPendingApprovalSinceAsc()
                .mapNotNull(Negotiation::pendingApproval);
    }

    /** The diff between two versions the viewer may both see. */
    public Mono<TermsDiff> diff(String caseId, int from, int to, Actor viewer) {
        return find(caseId, viewer).map(negotiation -> negotiation.diff(from, to, viewer));
    }

    /** The negotiation as {@code viewer} may see it: investors only their own, staff every one. */
    public Mono<Negotiation> find(String caseId, Actor viewer) {
        return negotiations.findById(caseId)
                .filter(negotiation -> viewer.maySee(negotiation::isOwnedBy))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("negotiation", caseId)));
    }

    private Mono<Negotiation> change(Mono<Negotiation> found, Long expectedRevision,
                                     Function<Negotiation, List<NegotiationEvent>> command) {
        return found.flatMap(negotiation -> {
                    negotiation.requireRevision(expectedRevision);
                    return save(negotiation, command.apply(negotiation));
                })
                .retryWhen(ConcurrentChanges.retry());
    }

    /** Applies a scheduled command; saves only when it caused events. */
    private Mono<Boolean> changeIfAny(String caseId, Function<Negotiation, List<NegotiationEvent>> command) {
        return negotiations.findById(caseId)
                .flatMap(negotiation -> {
                    List<NegotiationEvent> events = command.apply(negotiation);
                    return events.isEmpty() ? Mono.just(false) : save(negotiation, events).thenReturn(true);
                })
                .retryWhen(ConcurrentChanges.retry())
                .defaultIfEmpty(false);
    }

    private Mono<Negotiation> save(Negotiation negotiation, List<NegotiationEvent> events) {
        negotiation.enqueue(outbox.of(NegotiationEvents.CATALOG, events));
        return negotiations.save(negotiation);
    }
}
