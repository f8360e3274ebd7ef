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
import org.investflow.platform.messaging.AggregateStore;
import org.investflow.platform.messaging.AggregateStores;
import org.investflow.platform.messaging.ConcurrentChanges;
import org.investflow.platform.messaging.EventMetadata;
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
    private final AggregateStore<Negotiation> store;
    private final Clock clock;
    private final ApprovalPolicy policy;
    private final NegotiationMetrics metrics;
    private final NegotiationLimits limits;

    public NegotiationService(NegotiationRepository negotiations, AggregateStores stores, Clock clock, ApprovalPolicy policy,
                              NegotiationMetrics metrics, NegotiationLimits limits) {
        this.limits = limits;
        this.negotiations = negotiations;
        this.store = stores.of(Negotiation.class, NegotiationEvents.CATALOG);
        this.clock = clock;
        this.policy = policy;
        this.metrics = metrics;
    }

    /**
     * Opens the case's negotiation once, when intake accepted its intention: a redelivered or
     * repeated acceptance of a case that is already negotiated is skipped, also when two deliveries
     * race to create it.
     */
    public Mono<Void> open(IntentionAccepted accepted, EventMetadata event) {
        return Mono.fromCallable(() -> AcceptedIntention.of(accepted))
                .flatMap(intention -> store.createOnce(intention.caseId(), () -> {
                    Negotiation.Opening opening = Negotiation.open(intention, event.id(), clock.instant());
                    return new AggregateStore.Creation<>(opening.negotiation(), opening.events());
                }))
                .then();
    }

    /**
     * Reacts to a contract of the case's current agreement that was declined, expired or voided: it
     * reopens the negotiation; outcomes of earlier agreements and voids for a newer agreement change
     * nothing. An outcome for a case or terms negotiation never knew is refused.
     */
    public Mono<Void> reopen(Record contractOutcome, EventMetadata event) {
        return ContractOutcome.of(contractOutcome).map(outcome -> reopen(event.id(), outcome)).orElse(Mono.empty());
    }

    private Mono<Void> reopen(String eventId, ContractOutcome outcome) {
        Mono<Negotiation> unhandled = store.load(outcome.caseId()).filter(negotiation -> !negotiation.hasHandled(eventId));
        return store.changeIfCaused(unhandled, negotiation -> negotiation.reopen(outcome, eventId, clock.instant()))
                .doOnNext(reopened -> { if (reopened) { metrics.reopened(outcome.cause()); } })
                .then();
    }

    /**
     * A party (the assigned officer or the owning investor) proposes a new version; another officer
     * is refused (they may read the case, so the refusal does not hide that it exists).
     *
     * @param expectedRevision the revision the caller acted on ({@code If-Match}), null to skip the check
     */
    public Mono<Negotiation> propose(String caseId, Actor party, Terms terms, Integer basedOn, Long expectedRevision) {
        return change(find(caseId, party), expectedRevision,
                negotiation -> {
                    limits.checkProposal(negotiation, terms);
                    return negotiation.propose(terms, basedOn, party, policy, LocalDate.now(clock), clock.instant());
                });
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
                    limits.checkComment(negotiation);
                    Comment comment = negotiation.comment(party, text, clock.instant());
                    return store.save(negotiation, List.of()).thenReturn(comment);
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
        return store.change(found, negotiation -> {
            negotiation.requireRevision(expectedRevision);
            return command.apply(negotiation);
        });
    }

    /** Applies a scheduled command; saves only when it caused events. */
    private Mono<Boolean> changeIfAny(String caseId, Function<Negotiation, List<NegotiationEvent>> command) {
        return store.changeIfCaused(caseId, command);
    }
}
