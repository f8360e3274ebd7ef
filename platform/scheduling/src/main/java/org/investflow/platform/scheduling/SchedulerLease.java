package org.investflow.platform.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A lease in MongoDB ({@code scheduler_locks}) so that a scheduled job runs on one instance at a
 * time: ShedLock's model (lock until, locked by), implemented reactively because ShedLock's MongoDB
 * providers are not served by this build's registry. Taking it is one conditional update (after the lease's
 * document was created once): it succeeds when the lease is free or expired, and of concurrent takers one wins.
 *
 * <p>The lease is given back when the job ends however it ends (result, empty, error or
 * cancellation), so a failed run does not keep the next one waiting until {@code atMostFor}
 * passes. Each taking carries its own token and only that token releases, so a job that outlived
 * its lease never frees the lease that another run (on this or another instance) took since.
 *
 * <p>While the job runs its lease is kept alive (ShedLock's keep-alive): every third of {@code atMostFor} the
 * holder moves {@code lockUntil} to {@code atMostFor} from now. So {@code atMostFor} bounds how long a lease
 * outlives a holder that died (SIGKILL, lost host), not how long a job may run: a short one (tens of seconds)
 * lets another instance take over soon after a crash, and a long job keeps its lease. Should a renewal find the
 * lease taken by another run since (this holder was paused past {@code atMostFor}), the job is cancelled rather
 * than run beside that one.
 */
public class SchedulerLease {

    private static final String COLLECTION = "scheduler_locks";
    private static final Duration MIN_RENEWAL = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerLease.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    public SchedulerLease(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Runs {@code job} if the lease {@code name} can be taken for at most {@code atMostFor}; else completes empty. */
    public <T> Mono<T> runExclusively(String name, Duration atMostFor, Mono<T> job) {
        return run(name, atMostFor, Duration.ZERO, job);
    }

    /**
     * For a job every instance schedules every {@code period}: runs it at most once per period across them all. As
     * {@link #runExclusively}, but the lease stays taken until three quarters of {@code period} after it was taken,
     * even when the job ended sooner, so the ticks of the other instances within the same period find it held. The
     * instance that ran keeps its turn while its ticks come on time (its next tick finds its own lease lapsed);
     * when it stops ticking, another instance runs the job within a period. The quarter is the slack for a tick
     * that takes the lease late.
     */
    public <T> Mono<T> runOncePer(Duration period, String name, Duration atMostFor, Mono<T> job) {
        Duration atLeastFor = period.multipliedBy(3).dividedBy(4);
        return run(name, atMostFor.compareTo(atLeastFor) < 0 ? atLeastFor : atMostFor, atLeastFor, job);
    }

    private <T> Mono<T> run(String name, Duration atMostFor, Duration atLeastFor, Mono<T> job) {
        return Mono.usingWhen(take(name, atMostFor), taking -> job.takeUntilOther(lost(name, taking, atMostFor)),
                taking -> release(name, taking, atLeastFor),
                (taking, error) -> release(name, taking, atLeastFor),
                taking -> release(name, taking, atLeastFor));
    }

    /** One taking of a lease: its token, and when it was taken. */
    private record Taking(String token, Instant at) {

        /** The lease {@code name} while this taking holds it. */
        Query of(String name) {
            return Query.query(Criteria.where("_id").is(name).and("token").is(token));
        }
    }

    /** This taking, or empty when the lease is held (by someone else, or by an earlier run within its hold). */
    private Mono<Taking> take(String name, Duration atMostFor) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        Query free = Query.query(Criteria.where("_id").is(name).and("lockUntil").lte(now));
        Update hold = new Update().set("lockUntil", now.plus(atMostFor)).set("lockedAt", now)
                .set("lockedBy", holder).set("token", token);
        return exists(name).then(mongo.findAndModify(free, hold, FindAndModifyOptions.options().returnNew(true),
                        Document.class, COLLECTION))
                .filter(document -> token.equals(document.getString("token")))
                .map(document -> new Taking(token, now));
    }

    /**
     * Creates the lease's document, lapsed, unless it exists: once per lease and holder. Taking a held lease is then a
     * conditional update that matches nothing, not an insert that fails on the unique id (which the database logs).
     */
    private Mono<Void> exists(String name) {
        if (created.contains(name)) {
            return Mono.empty();
        }
        return mongo.upsert(Query.query(Criteria.where("_id").is(name)), new Update().setOnInsert("lockUntil", Instant.EPOCH),
                        COLLECTION)
                .then()
                .onErrorResume(DuplicateKeyException.class, createdByAnother -> Mono.empty())
                .doOnSuccess(done -> created.add(name));
    }

    /**
     * Emits once this taking is found to have lost its lease; until then renews it every third of {@code atMostFor}.
     * A renewal that fails (the database unreachable) neither renews nor gives up: the job goes on, and the lease
     * lapses at its last {@code lockUntil} should the database stay away.
     */
    private Flux<Boolean> lost(String name, Taking taking, Duration atMostFor) {
        Duration every = atMostFor.dividedBy(3).compareTo(MIN_RENEWAL) < 0 ? MIN_RENEWAL : atMostFor.dividedBy(3);
        Query mine = taking.of(name);
        // a renewal slower than the period (a paused JVM, a busy database) skips ticks rather than failing the job
        return Flux.interval(every, every)
                .onBackpressureDrop()
                .concatMap(tick -> mongo.updateFirst(mine, new Update().set("lockUntil", clock.instant().plus(atMostFor)),
                                COLLECTION)
                        .map(renewed -> renewed.getMatchedCount() > 0)
                        .onErrorResume(unreachable -> {
                            LOG.debug("lease {} not renewed: {}", name, unreachable.toString());
                            return Mono.just(true);
                        }))
                .filter(held -> !held)
                .take(1)
                .doOnNext(gone -> LOG.warn("lease {} was taken by another run while this one held it; job cancelled", name));
    }

    /** Lets the lease lapse now, or {@code atLeastFor} after it was taken if that is later. */
    private Mono<Void> release(String name, Taking taking, Duration atLeastFor) {
        Instant now = clock.instant();
        Instant heldUntil = taking.at().plus(atLeastFor);
        return mongo.updateFirst(taking.of(name), new Update().set("lockUntil", heldUntil.isAfter(now) ? heldUntil : now), COLLECTION)
                .then();
    }
}
