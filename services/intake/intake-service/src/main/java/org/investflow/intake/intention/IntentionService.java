package org.investflow.intake.intention;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import org.investflow.intake.events.IntakeEvent;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.intake.intention.persistence.IntentionRepository;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.messaging.ConcurrentChanges;
import org.investflow.platform.messaging.OutboxMessages;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Intake's use cases. Each command loads the intention, lets it decide, and saves it together with
 * the events it caused (outbox), in one document write.
 */
@Service
public class IntentionService {

    private final IntentionRepository intentions;
    private final CaseNumbering caseNumbers;
    private final OutboxMessages outbox;
    private final Clock clock;

    public IntentionService(IntentionRepository intentions, CaseNumbering caseNumbers, OutboxMessages outbox, Clock clock) {
        this.intentions = intentions;
        this.caseNumbers = caseNumbers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Submits an intention once per investor and idempotency key: a repeated request returns the
     * intention the first one created, with nothing new stored or published.
     */
    public Mono<Intention> submit(Actor investor, String idempotencyKey, IntentionDetails details) {
        return intentions.findByInvestorIdAndIdempotencyKey(investor.id(), idempotencyKey)
                .switchIfEmpty(Mono.defer(() -> create(investor, idempotencyKey, details)));
    }

    private Mono<Intention> create(Actor investor, String idempotencyKey, IntentionDetails details) {
        return caseNumbers.next()
                .map(caseId -> Intention.submit(caseId, investor, idempotencyKey, details, clock.instant()))
                .flatMap(submission -> save(submission.intention(), submission.events()))
                .onErrorResume(DuplicateKeyException.class,
                        raced -> intentions.findByInvestorIdAndIdempotencyKey(investor.id(), idempotencyKey));
    }

    public Mono<Intention> accept(String caseId, Actor officer) {
        return change(caseId, intention -> intention.accept(officer, clock.instant()));
    }

    public Mono<Intention> reject(String caseId, Actor officer, String reason) {
        return change(caseId, intention -> intention.reject(officer, reason, clock.instant()));
    }

    /** The intention as {@code viewer} may see it: investors only their own, staff every one. */
    public Mono<Intention> view(String caseId, Actor viewer) {
        return intentions.findById(caseId)
                .filter(intention -> !"INVESTOR".equals(viewer.role()) || intention.isOwnedBy(viewer.id()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("intention", caseId)));
    }

    private Mono<Intention> change(String caseId, Function<Intention, List<IntakeEvent>> command) {
        return intentions.findById(caseId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("intention", caseId)))
                .flatMap(intention -> save(intention, command.apply(intention)))
                .retryWhen(ConcurrentChanges.retry());
    }

    private Mono<Intention> save(Intention intention, List<IntakeEvent> events) {
        intention.enqueue(outbox.of(IntakeEvents.CATALOG, events));
        return intentions.save(intention);
    }
}
