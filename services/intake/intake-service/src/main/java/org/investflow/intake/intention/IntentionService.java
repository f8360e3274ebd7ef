package org.investflow.intake.intention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.investflow.intake.assignment.Assignment;
import org.investflow.intake.assignment.AssignmentProperties;
import org.investflow.intake.events.IntakeEvent;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.intake.intention.persistence.CaseNumbering;
import org.investflow.intake.intention.persistence.CompanyCases;
import org.investflow.intake.intention.persistence.IntentionQueries;
import org.investflow.intake.intention.persistence.IntentionRepository;
import org.investflow.intake.intention.persistence.OfficerLoads;
import org.investflow.intake.screening.CompanyKey;
import org.investflow.intake.screening.Screening;
import org.investflow.intake.screening.ScreeningProperties;
import org.investflow.intake.screening.ScreeningResult;
import org.investflow.platform.domain.InvalidInputException;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.messaging.ConcurrentChanges;
import org.investflow.platform.messaging.AggregateStore;
import org.investflow.platform.messaging.AggregateStores;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Intake's use cases. Each command loads the intention, lets it decide, and saves it together with
 * the events it caused (outbox), in one document write. Submission and update screen the intention
 * (negative list, duplicates, major project) and route it to an officer. Every read on these paths is
 * keyed: duplicates come from the company's {@link CompanyCases} (filed in the same flow), routing from
 * the covering officers' {@link OfficerLoads} (moved after each save that changed a case's workload).
 */
@Service
public class IntentionService {

    private final IntentionRepository intentions;
    private final IntentionQueries queries;
    private final CompanyCases companyCases;
    private final OfficerLoads loads;
    private final CaseNumbering caseNumbers;
    private final IntentionForm form;
    private final Screening screening;
    private final ScreeningProperties screeningSettings;
    private final AssignmentProperties officers;
    private final AggregateStore<Intention> store;
    private final Clock clock;

    public IntentionService(IntentionRepository intentions, IntentionQueries queries, CompanyCases companyCases,
                            OfficerLoads loads, CaseNumbering caseNumbers, IntentionForm form, Screening screening,
                            ScreeningProperties screeningSettings, AssignmentProperties officers, AggregateStores stores,
                            Clock clock) {
        this.intentions = intentions;
        this.queries = queries;
        this.companyCases = companyCases;
        this.loads = loads;
        this.caseNumbers = caseNumbers;
        this.form = form;
        this.screening = screening;
        this.screeningSettings = screeningSettings;
        this.officers = officers;
        this.store = stores.of(Intention.class, IntakeEvents.CATALOG);
        this.clock = clock;
    }

    /**
     * Submits an intention once per investor and idempotency key: a repeated request returns the
     * intention the first one created, with nothing new stored or published. The unique index on
     * investor and key decides, not a lookup first: a new submission (nearly every one) costs no read,
     * and a repeated one costs what it did before, plus a case number left unused and company-key
     * entries naming a case that was never saved (which {@link CompanyCases} ignores).
     */
    public Mono<Intention> submit(Actor investor, String idempotencyKey, IntentionDetails details) {
        return Mono.defer(() -> create(investor, idempotencyKey, form.check(details)))
                // a repeat of an accepted submission is answered with it even if its details would be refused now
                .onErrorResume(InvalidInputException.class, refused -> intentions
                        .findByInvestorIdAndIdempotencyKey(investor.id(), idempotencyKey)
                        .switchIfEmpty(Mono.error(refused)));
    }

    private Mono<Intention> create(Actor investor, String idempotencyKey, IntentionDetails details) {
        Instant now = clock.instant();
        return Mono.zip(caseNumbers.next(), route(details))
                .flatMap(numbered -> screen(details, numbered.getT1(), now)
                        .map(screened -> Intention.submit(numbered.getT1(), investor, idempotencyKey, details, screened,
                                numbered.getT2().orElse(null), now)))
                .flatMap(submission -> save(submission.intention(), Workload.NONE, submission.events()))
                .onErrorResume(DuplicateKeyException.class,
                        raced -> intentions.findByInvestorIdAndIdempotencyKey(investor.id(), idempotencyKey));
    }

    /** Saves a new draft once per investor and idempotency key. */
    public Mono<Intention> saveDraft(Actor investor, String idempotencyKey, IntentionDraft draft) {
        return intentions.findByInvestorIdAndIdempotencyKey(investor.id(), idempotencyKey)
                .switchIfEmpty(Mono.defer(() -> caseNumbers.next()
                        .map(caseId -> Intention.draft(caseId, investor, idempotencyKey, draft))
                        .flatMap(intentions::save)))
                .onErrorResume(DuplicateKeyException.class,
                        raced -> intentions.findByInvestorIdAndIdempotencyKey(investor.id(), idempotencyKey));
    }

    /** Replaces the owner's draft. */
    public Mono<Intention> redraft(String caseId, Actor investor, IntentionDraft draft) {
        return view(caseId, investor)
                .flatMap(intention -> {
                    intention.redraft(draft);
                    return intentions.save(intention);
                })
                .retryWhen(ConcurrentChanges.retry());
    }

    /** Submits the owner's draft: completeness, the form's rules, screening and routing as for a direct submission. */
    public Mono<Intention> submitDraft(String caseId, Actor investor) {
        return view(caseId, investor)
                .flatMap(intention -> {
                    IntentionDetails details = form.check(completed(intention));
                    Workload before = Workload.of(intention);
                    Instant now = clock.instant();
                    return Mono.zip(screen(details, caseId, now), route(details))
                            .flatMap(decided -> save(intention, before, intention.submitDraft(investor, details,
                                    decided.getT1(), decided.getT2().orElse(null), now)));
                })
                .retryWhen(ConcurrentChanges.retry());
    }

    private static IntentionDetails completed(Intention intention) {
        if (intention.draft() == null) {
            throw new org.investflow.platform.domain.IllegalTransitionException("intention " + intention.caseId(),
                    intention.status(), "be submitted");
        }
        return intention.draft().complete();
    }

    /** The owner's update after a request for information; screened again. */
    public Mono<Intention> update(String caseId, Actor investor, IntentionDetails details) {
        IntentionDetails checked = form.check(details);
        return view(caseId, investor)
                .flatMap(intention -> {
                    Workload before = Workload.of(intention);
                    List<String> filedUnder = intention.details() == null ? List.of() : keys(intention.details());
                    return screen(checked, caseId, intention.submittedAt())
                            .map(result -> intention.update(investor, checked, result, clock.instant()))
                            .flatMap(events -> save(intention, before, events))
                            .flatMap(saved -> unfile(saved, filedUnder));
                })
                .retryWhen(ConcurrentChanges.retry());
    }

    /** Takes an updated case off the company keys its details no longer have. */
    private Mono<Intention> unfile(Intention updated, List<String> filedUnder) {
        List<String> stale = filedUnder.stream().filter(key -> !keys(updated.details()).contains(key)).toList();
        return stale.isEmpty() ? Mono.just(updated) : companyCases.withdraw(updated.caseId().value(), stale).thenReturn(updated);
    }

    public Mono<Intention> accept(String caseId, Actor officer) {
        return change(caseId, intention -> intention.accept(officer, clock.instant()));
    }

    public Mono<Intention> requestInformation(String caseId, Actor officer, String message) {
        return change(caseId, intention -> intention.requestInformation(officer, message, clock.instant()));
    }

    public Mono<Intention> reject(String caseId, Actor officer, RejectionReason reason, String text) {
        return change(caseId, intention -> intention.reject(officer, reason, text, clock.instant()));
    }

    /** The owner withdraws; another investor's case is not found. */
    public Mono<Intention> withdraw(String caseId, Actor investor, String reason) {
        return change(view(caseId, investor), intention -> intention.withdraw(investor, reason, clock.instant()));
    }

    /** A leader hands the case to another officer, who must be one intake routes to. */
    public Mono<Intention> reassign(String caseId, Actor leader, String officer) {
        if (officers.officers().stream().noneMatch(known -> known.id().equals(officer))) {
            return Mono.error(new InvalidInputException(java.util.Map.of("officerId", "is not a case officer of intake")));
        }
        return change(caseId, intention -> intention.reassign(leader, officer, clock.instant()));
    }

    /** The intention as {@code viewer} may see it: investors only their own, staff every submitted one. */
    public Mono<Intention> view(String caseId, Actor viewer) {
        return intentions.findById(caseId)
                .filter(intention -> intention.isVisibleTo(viewer))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("intention", caseId)));
    }

    /** Flags {@code caseId} overdue if it is still open and not flagged yet; true when it was flagged now. */
    public Mono<Boolean> flagOverdue(String caseId, String detail) {
        return store.changeIfCaused(caseId, intention -> intention.flagOverdue(detail, clock.instant()));
    }

    /** One page of a queue. */
    public Flux<Intention> queue(QueueQuery query) {
        return queries.page(query);
    }

    /** Screens case {@code caseId}, submitted at {@code submittedAt}, filing it under its company's keys. */
    private Mono<ScreeningResult> screen(IntentionDetails details, String caseId, Instant submittedAt) {
        Instant since = clock.instant().minus(screeningSettings.duplicateWindow());
        return companyCases.file(caseId, submittedAt, keys(details), since).collectList()
                .flatMap(candidates -> queries.earlierDuplicate(caseId, details, candidates, since)
                        .map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(duplicate -> screening.screen(details.division(), details.planned(), duplicate));
    }

    private static List<String> keys(IntentionDetails details) {
        return CompanyCases.keys(CompanyKey.of(details.companyName()), details.registrationNumber(), details.industryCode(),
                details.district());
    }

    /** The covering officer with the fewest open cases (see {@link Assignment}), or none. */
    private Mono<Optional<String>> route(IntentionDetails details) {
        List<String> covering = officers.officers().stream()
                .filter(officer -> officer.covers(details.industryCode(), details.district()))
                .map(AssignmentProperties.Officer::id)
                .toList();
        return loads.of(covering).map(Assignment::choose);
    }

    private Mono<Intention> change(String caseId, Function<Intention, List<IntakeEvent>> command) {
        return change(store.load(caseId), command);
    }

    /** A command on the intention {@code found} emits, moving the officers' loads by what it changed. */
    private Mono<Intention> change(Mono<Intention> found, Function<Intention, List<IntakeEvent>> command) {
        AtomicReference<Workload> before = new AtomicReference<>();
        return store.change(found, intention -> {
            before.set(Workload.of(intention));
            return command.apply(intention);
        }).flatMap(saved -> loads.move(before.get(), Workload.of(saved)).thenReturn(saved));
    }

    private Mono<Intention> save(Intention intention, Workload before, List<IntakeEvent> events) {
        return store.save(intention, events)
                .flatMap(saved -> loads.move(before, Workload.of(saved)).thenReturn(saved));
    }
}
