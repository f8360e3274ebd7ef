package org.investflow.platform.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * A lease in MongoDB ({@code scheduler_locks}) so that a scheduled job runs on one instance at a
 * time: ShedLock's model (lock until, locked by), implemented reactively because ShedLock's MongoDB
 * providers are not served by this build's registry. Taking it is one conditional upsert: it
 * succeeds when the lease is free or expired, and a concurrent taker loses on the unique id.
 *
 * <p>The lease is given back when the job ends however it ends (result, empty, error or
 * cancellation), so a failed run does not keep the next one waiting until {@code atMostFor}
 * passes. Each taking carries its own token and only that token releases, so a job that outlived
 * its lease never frees the lease that another run (on this or another instance) took since.
 */
public class SchedulerLease {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();

    public SchedulerLease(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Runs {@code job} if the lease {@code name} can be taken for at most {@code atMostFor}; else completes empty. */
    public <T> Mono<T> runExclusively(String name, Duration atMostFor, Mono<T> job) {
        return Mono.usingWhen(take(name, atMostFor), token -> job,
                token -> release(name, token),
                (token, error) -> release(name, token),
                token -> release(name, token));
    }

    /** The token of this taking, or empty when the lease is held by someone else. */
    private Mono<String> take(String name, Duration atMostFor) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        Query free = Query.query(Criteria.where("_id").is(name).and("lockUntil").lte(now));
        Update hold = new Update().set("lockUntil", now.plus(atMostFor)).set("lockedAt", now)
                .set("lockedBy", holder).set("token", token);
        return mongo.findAndModify(free, hold, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, "scheduler_locks")
                .filter(document -> token.equals(document.getString("token")))
                .map(document -> token)
                .onErrorResume(DuplicateKeyException.class, held -> Mono.empty());
    }

    private Mono<Void> release(String name, String token) {
        Query mine = Query.query(Criteria.where("_id").is(name).and("token").is(token));
        return mongo.updateFirst(mine, new Update().set("lockUntil", clock.instant()), "scheduler_locks").then();
    }
}
