package org.investflow.signing.envelope;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.investflow.negotiation.events.AgreementReached;
import org.investflow.negotiation.events.Land;
import org.investflow.negotiation.events.Terms;
import org.investflow.platform.domain.CaseId;
import org.investflow.platform.domain.Money;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.messaging.AggregateStore;
import org.investflow.platform.messaging.AggregateStores;
import org.investflow.platform.messaging.ConcurrentChanges;
import org.investflow.platform.messaging.EventMetadata;
import org.investflow.signing.audit.Origin;
import org.investflow.signing.envelope.persistence.ContractDocuments;
import org.investflow.signing.envelope.persistence.EnvelopeKeys;
import org.investflow.signing.envelope.persistence.EnvelopeRepository;
import org.investflow.signing.events.MilestoneDeadlines;
import org.investflow.signing.events.SigningEvent;
import org.investflow.signing.events.SigningEvents;
import org.investflow.signing.events.Tranche;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * E-signature's use cases. Each command loads the envelope, lets it decide, and saves it together
 * with the events it caused (outbox) and the mails it queued (mail outbox), in one document write.
 */
@Service
public class EnvelopeService {

    static final List<EnvelopeStatus> OPEN = List.of(EnvelopeStatus.DRAFT, EnvelopeStatus.SENT, EnvelopeStatus.PARTIALLY_SIGNED);
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeService.class);

    private final EnvelopeRepository envelopes;
    private final AggregateStore<Envelope> store;
    private final Clock clock;
    private final SigningDesk desk;
    private final SigningMetrics metrics;
    private final ContractDocuments documents;
    private final EnvelopeKeys keys;

    public EnvelopeService(EnvelopeRepository envelopes, AggregateStores stores, Clock clock, SigningDesk desk, SigningMetrics metrics,
                           ContractDocuments documents, EnvelopeKeys keys) {
        this.envelopes = envelopes;
        this.keys = keys;
        this.store = stores.of(Envelope.class, SigningEvents.CATALOG, Envelope::scheduleWatch).afterSave(metrics::saved);
        this.clock = clock;
        this.desk = desk;
        this.metrics = metrics;
        this.documents = documents;
    }

    /**
     * Sends the contract of an agreement negotiation reached, once: a redelivered or repeated
     * agreement finds its envelope (or loses the race on the unique case-and-agreement index) and
     * changes nothing. A new agreement on a case whose envelope is still open voids that envelope as
     * superseded first, so it is never left pending.
     */
    public Mono<Void> send(AgreementReached reached, EventMetadata event) {
        return store.createOnce(envelopes.existsByCaseIdAndAgreementId(reached.caseId(), reached.agreementId()),
                        () -> supersedeOpen(reached).then(create(event.id(), agreementOf(reached, documents.clauses()))))
                .then();
    }

    private Mono<Void> supersedeOpen(AgreementReached reached) {
        return envelopesOf(reached.caseId()).filter(envelope -> OPEN.contains(envelope.status()))
                .concatMap(open -> store.change(envelopes.findById(open.envelopeId()),
                        envelope -> envelope.supersede(reached.termsFingerprint(), now())))
                .then();
    }

    /** The case's envelopes, by their keys (no scan). */
    private Flux<Envelope> envelopesOf(String caseId) {
        return keys.envelopeIdsOf(caseId).flatMapMany(ids -> ids.isEmpty() ? Flux.empty() : envelopes.findAllById(ids));
    }

    private Mono<Envelope> create(String eventId, Agreement agreement) {
        return Mono.fromCallable(() -> documents.draftHashOf(agreement))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(documentHash -> {
                    Envelope.Sending sending = Envelope.send(UUID.randomUUID().toString(), agreement, documentHash, now(), desk);
                    sending.envelope().markHandled(eventId);
                    return keys.fileEnvelope(agreement.caseId().value(), sending.envelope().envelopeId())
                            .then(save(sending.envelope(), sending.events()));
                });
    }

    static Agreement agreementOf(AgreementReached reached, ContractClauses clauses) {
        Terms terms = reached.terms();
        return new Agreement(CaseId.of(reached.caseId()), reached.investorId(), reached.officerId(), reached.agreementId(),
                reached.companyName(), new AgreedTerms(Money.of(terms.investmentAmount(), terms.currency()), terms.jobs(), terms.landingDeadline(),
                        terms.capitalSchedule().stream().map(tranche -> new Tranche(tranche.amount(), tranche.dueBy())).toList(),
                        milestonesOf(terms.milestones()), terms.land() == null ? null : terms.land().district(), landOf(terms.land()),
                        terms.incentives().stream().map(given -> new AgreedIncentive(given.kind(), given.value(), given.policyBasis())).toList(),
                        terms.specialConditions(), reached.canonicalTerms(), clauses),
                reached.termsFingerprint(), reached.occurredAt(), reached.registrationNumber(), reached.country());
    }

    private static AgreedLand landOf(Land land) {
        return land == null ? null : new AgreedLand(land.areaSquareMetres(), land.district(), land.use(), land.tenure(), land.price(),
                land.leaseYears());
    }

    private static MilestoneDeadlines milestonesOf(org.investflow.negotiation.events.MilestoneDeadlines agreed) {
        return agreed == null ? null : new MilestoneDeadlines(agreed.businessRegistration(), agreed.landRights(),
                agreed.constructionStart(), agreed.firstCapitalInjection(), agreed.operationStart());
    }

    /** The case's assigned officer or a leader voids its open envelope, with a reason. */
    public Mono<Envelope> voidEnvelope(String caseId, Actor actor, String reason, Origin origin) {
        return change(caseId, actor, envelope -> envelope.voidBy(actor, reason, now(), origin));
    }

    /** Records in the audit trail that {@code viewer}, one of the envelope's signers, viewed the contract. */
    public Mono<Envelope> recordView(String caseId, Actor viewer, Origin origin) {
        return change(caseId, viewer, envelope -> envelope.linkSteps().view(viewer, now(), origin));
    }

    /** The case's envelope as {@code viewer} may see it: investors only their own, staff every one. */
    public Mono<Envelope> view(String caseId, Actor viewer) {
        return envelopesOf(caseId).reduce((one, other) -> other.sentAt().isAfter(one.sentAt()) ? other : one)
                .filter(envelope -> envelope.isVisibleTo(viewer))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("envelope of case", caseId)));
    }

    /**
     * Emails a one-time code to the signer of the link {@code token} and answers where it went (masked);
     * any unusable link is "invalid link".
     */
    public Mono<CodeReceipt> sendCode(String token) {
        String tokenHash = SigningLink.sha256(token);
        return byLink(tokenHash).flatMap(envelope -> {
            CodeReceipt receipt = envelope.linkSteps().sendCode(tokenHash, now(), desk);
            return save(envelope, List.of()).thenReturn(receipt);
        }).retryWhen(ConcurrentChanges.retry());
    }

    /** The signer of the link views the contract with the right code (once per link). */
    public Mono<Envelope> viewThroughLink(String token, String code, Origin origin) {
        return withCode(token, code, (envelope, signer) ->
                Mono.just(envelope.linkSteps().viewThroughLink(SigningLink.sha256(token), now(), origin, desk.policy())));
    }

    /**
     * The signer of the link signs with the right code and consent, in their turn. The last signature is recorded and
     * answered at once ({@code SEALING}); sealing follows off the request ({@link #seal}), so the signer never waits
     * for rendering, the seal or the time-stamping authority.
     */
    public Mono<Envelope> signThroughLink(String token, String code, String typedName, Origin origin) {
        return withCode(token, code, (envelope, signer) -> Mono.just(envelope.sign(signer, typedName, now(), origin, desk)))
                .doOnNext(signed -> {
                    if (signed.status() == EnvelopeStatus.SEALING) {
                        sealInBackground(signed.envelopeId());
                    }
                });
    }

    /**
     * Seals now, on a worker, without holding up the signer's answer; a failure is already recorded in the envelope
     * (and retried by {@link #sealDue}), so here it is only logged.
     */
    private void sealInBackground(String envelopeId) {
        seal(envelopeId).subscribeOn(Schedulers.boundedElastic())
                .subscribe(sealed -> { }, error -> LOG.warn("envelope {} could not be sealed now; the sweep tries again: {}", envelopeId,
                        error.toString()));
    }

    /**
     * Seals the executed contract of the {@code SEALING} envelope {@code envelopeId}: renders it, seals it, has it
     * time-stamped and keeps the bytes, then executes the envelope with their hash, {@code ContractExecuted} in the same
     * write. When that fails (the TSA unreachable) the envelope records the failure and when to try again, and stays
     * {@code SEALING}: it never executes unsealed. Empty when it is not (or no longer) sealing.
     */
    public Mono<Envelope> seal(String envelopeId) {
        return envelopes.findById(envelopeId).filter(envelope -> envelope.status() == EnvelopeStatus.SEALING)
                .flatMap(envelope -> {
                    Instant now = now();
                    return documents.seal(envelope, now)
                            .flatMap(sealedHash -> executeSealed(envelopeId, sealedHash, now))
                            .onErrorResume(error -> sealingFailed(envelopeId, error, now).then(Mono.error(error)));
                });
    }

    /** Executes with the kept seal's hash; a concurrent change is read again, and an envelope another worker executed stays as it is. */
    private Mono<Envelope> executeSealed(String envelopeId, String sealedHash, Instant now) {
        return store.change(envelopes.findById(envelopeId), envelope -> envelope.status() == EnvelopeStatus.SEALING
                ? envelope.execute(sealedHash, now) : List.of());
    }

    private Mono<Envelope> sealingFailed(String envelopeId, Throwable error, Instant now) {
        LOG.warn("sealing envelope {} failed, it waits for its seal: {}", envelopeId, error.toString());
        return store.change(envelopes.findById(envelopeId).filter(envelope -> envelope.status() == EnvelopeStatus.SEALING), envelope -> {
            envelope.sealingFailed(String.valueOf(error.getMessage()), now, desk.sealingSchedule());
            return List.of();
        });
    }

    /**
     * The scheduled sweep over envelopes whose sealing is due: after a failed attempt's wait, or when the sealing right
     * after the last signature did not finish (a crash, a restart). Answers how many it sealed; one envelope's failure
     * is recorded in it and the others go on.
     */
    public Mono<Long> sealDue() {
        return envelopes.findBySealDueAtLessThanEqual(now())
                .concatMap(due -> seal(due.envelopeId()).onErrorResume(error -> Mono.empty()))
                .count();
    }

    /** The signer of the link declines with the right code, in their turn, giving a reason in {@code category}. */
    public Mono<Envelope> declineThroughLink(String token, String code, DeclineCategory category, String reason, Origin origin) {
        return withCode(token, code, (envelope, signer) -> Mono.just(envelope.decline(signer, reason, now(), origin)))
                .doOnNext(declined -> metrics.declined(category));
    }

    /**
     * Runs {@code command} for the link's signer if {@code code} is right; a wrong code is counted
     * (saved) and then refused, so guessing is limited.
     */
    private Mono<Envelope> withCode(String token, String code, BiFunction<Envelope, Actor, Mono<List<SigningEvent>>> command) {
        String tokenHash = SigningLink.sha256(token);
        return byLink(tokenHash).publishOn(Schedulers.boundedElastic()).flatMap(envelope -> {
            Optional<Actor> signer = envelope.linkSteps().checkCode(tokenHash, code, now(), desk.policy());
            return signer.isEmpty() ? save(envelope, List.of()).then(Mono.<Envelope>error(new WrongCodeException()))
                    : command.apply(envelope, signer.get()).flatMap(events -> save(envelope, events));
        }).retryWhen(ConcurrentChanges.retry());
    }

    private Mono<Envelope> byLink(String tokenHash) {
        return keys.envelopeOfLink(tokenHash).flatMap(envelopes::findById)
                .filter(envelope -> envelope.links().stream().anyMatch(link -> link.tokenHash().equals(tokenHash)))
                .switchIfEmpty(Mono.error(InvalidLinkException::new));
    }

    /**
     * The scheduled watch over envelopes whose signer's reminder or deadline has come: expires them
     * or mails the reminder. Answers how many envelopes it looked at; one envelope's failure is
     * logged and the others go on (it is looked at again next time).
     */
    public Mono<Long> watch() {
        return envelopes.findByWatchAtLessThanEqual(now())
                .concatMap(due -> envelopes.findById(due.envelopeId()).flatMap(this::watchOne).retryWhen(ConcurrentChanges.retry())
                        .onErrorResume(error -> {
                            LOG.warn("envelope {} could not be watched; next time: {}", due.envelopeId(), error.toString());
                            return Mono.empty();
                        }))
                .count();
    }

    private Mono<Envelope> watchOne(Envelope envelope) {
        int remindedBefore = envelope.remindersSent();
        List<SigningEvent> events = envelope.watch(now(), desk);
        int reminders = envelope.remindersSent() - remindedBefore;
        return save(envelope, events).doOnNext(saved -> metrics.reminded(reminders));
    }

    /** Envelopes with mails waiting for delivery. */
    public Flux<Envelope> withPendingMails() {
        return envelopes.findByMailsNotNullAndMailsNotEmpty();
    }

    /** Removes mail {@code mailId} from its envelope's mail outbox once it was delivered. */
    public Mono<Envelope> delivered(String envelopeId, String mailId) {
        return envelopes.findById(envelopeId)
                .flatMap(envelope -> envelope.delivered(mailId) ? envelopes.save(envelope) : Mono.just(envelope))
                .retryWhen(ConcurrentChanges.retry());
    }

    /** Now, cut to the milliseconds MongoDB keeps, so what is rendered at execution re-renders identically from storage. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Mono<Envelope> change(String caseId, Actor actor, Function<Envelope, List<SigningEvent>> command) {
        return store.change(view(caseId, actor).publishOn(Schedulers.boundedElastic()), command);
    }

    /** Stores the envelope with its events, the links it issued filed under their tokens first (see {@link EnvelopeKeys}). */
    private Mono<Envelope> save(Envelope envelope, List<SigningEvent> events) {
        return keys.fileLinks(envelope.envelopeId(), envelope.linksIssuedSinceLoaded()).then(store.save(envelope, events));
    }
}
