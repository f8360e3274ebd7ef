package org.investflow.intake.intention.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.investflow.intake.assignment.OfficerLoad;
import org.investflow.intake.intention.Workload;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One load document per officer ({@code _id} = officer id): how many open cases they have and when they
 * last got one, moved in the same flow as the intention whose workload changed, so routing reads a
 * document per covering officer instead of counting and sorting intentions. A move is applied after the
 * intention is saved (a save that lost a race or a duplicate submission moves nothing).
 */
@Component
public class OfficerLoads {

    static final String COLLECTION = "officer_loads";
    private static final String OPEN = "open";
    private static final String LAST_ASSIGNED = "lastAssigned";

    private final ReactiveMongoTemplate mongo;

    OfficerLoads(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The loads of {@code officerIds}, in one keyed read; an officer without a document has none. */
    public Mono<List<OfficerLoad>> of(List<String> officerIds) {
        if (officerIds.isEmpty()) {
            return Mono.just(List.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(officerIds)), Document.class, COLLECTION)
                .collectMap(document -> document.getString("_id"), Function.identity())
                .map(found -> officerIds.stream().map(officer -> load(officer, found)).toList());
    }

    private static OfficerLoad load(String officerId, Map<String, Document> found) {
        Document document = found.get(officerId);
        if (document == null) {
            return new OfficerLoad(officerId, 0, null);
        }
        Date last = document.getDate(LAST_ASSIGNED);
        return new OfficerLoad(officerId, Math.max(0, ((Number) document.getOrDefault(OPEN, 0L)).longValue()),
                last == null ? null : last.toInstant());
    }

    /** Moves the officers' loads from an intention's workload {@code before} a command to the one {@code after} it. */
    public Mono<Void> move(Workload before, Workload after) {
        return Flux.merge(release(before, after), take(before, after)).then();
    }

    private Mono<Void> release(Workload before, Workload after) {
        if (before.officerId() == null || !before.open() || after.countsFor(before.officerId())) {
            return Mono.empty();
        }
        return update(before.officerId(), new Update().inc(OPEN, -1L));
    }

    private Mono<Void> take(Workload before, Workload after) {
        String officer = after.officerId();
        if (officer == null) {
            return Mono.empty();
        }
        Update update = new Update();
        if (after.open() && !before.countsFor(officer)) {
            update.inc(OPEN, 1L);
        }
        if (!officer.equals(before.officerId()) && after.assignedAt() != null) {
            update.max(LAST_ASSIGNED, Date.from(after.assignedAt()));
        }
        return update.getUpdateObject().isEmpty() ? Mono.empty() : update(officer, update);
    }

    private Mono<Void> update(String officer, Update update) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(officer)), update, COLLECTION).then();
    }

    /** Sets an officer's load to a recount (a repair of the document, off the request path). */
    Mono<Void> reset(String officerId, long open, Instant lastAssigned) {
        Update update = new Update().set(OPEN, open).set(LAST_ASSIGNED, lastAssigned == null ? null : Date.from(lastAssigned));
        return update(officerId, update);
    }
}
