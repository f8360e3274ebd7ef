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
        return take(name, atMostFor).flatMap(taken -> taken ? job.flatMap(result -> release(name).thenReturn(result))
                .switchIfEmpty(release(name).then(Mono.empty())) : Mono.empty());
    }

    private Mono<Boolean> take(String name, Duration atMostFor) {
        Instant now = clock.instant();
        Query free = Query.query(Criteria.where("_id").is(name).and("lockUntil").lte(now));
        Update hold = new Update().set("lockUntil", now.plus(atMostFor)).set("lockedAt", now).set("lockedBy", holder);
        return mongo.findAndModify(free, hold, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, "scheduler_locks")
                .map(document -> holder.equals(document.getString("lockedBy")))
                .defaultIfEmpty(false)
                .onErrorResume(DuplicateKeyException.class, held -> Mono.just(false));
    }

    private Mono<Void> release(String name) {
        Query mine = Query.query(Criteria.where("_id").is(name).and("lockedBy").is(holder));
        return mongo.updateFirst(mine, new Update().set("lockUntil", clock.instant()), "scheduler_locks").then();
    }
}
