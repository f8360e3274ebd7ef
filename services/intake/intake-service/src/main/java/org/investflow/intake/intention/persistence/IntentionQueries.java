package org.investflow.intake.intention.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.investflow.intake.assignment.OfficerLoad;
import org.investflow.intake.intention.Intention;
import org.investflow.intake.intention.IntentionStatus;
import org.investflow.intake.intention.QueueQuery;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The questions intake asks of its intentions beyond find-by-id: duplicates, officers' load, queues. */
@Component
public class IntentionQueries {

    private static final List<IntentionStatus> OPEN = List.of(IntentionStatus.IN_REVIEW, IntentionStatus.INFORMATION_REQUESTED);

    private final ReactiveMongoTemplate mongo;

    IntentionQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The earliest case of the same company (name key or registration number), industry and district since {@code since}. */
    public Mono<String> earlierDuplicate(String companyKey, String registrationNumber, String industryCode, String district,
                                         Instant since) {
        Criteria sameCompany = new Criteria().orOperator(Criteria.where("companyKey").is(companyKey),
                Criteria.where("details.registrationNumber").is(registrationNumber));
        Query query = Query.query(new Criteria().andOperator(sameCompany,
                        Criteria.where("details.industryCode").is(industryCode), Criteria.where("details.district").is(district),
                        Criteria.where("submittedAt").gte(since)))
                .with(Sort.by("submittedAt", "_id")).limit(1);
        return mongo.findOne(query, Intention.class).map(intention -> intention.caseId().value());
    }

    /** How many open cases {@code officerId} has and when they last got one. */
    public Mono<OfficerLoad> load(String officerId) {
        Query assigned = Query.query(Criteria.where("assignment.officerId").is(officerId));
        Mono<Long> open = mongo.count(Query.query(Criteria.where("assignment.officerId").is(officerId).and("status").in(OPEN)),
                Intention.class);
        Mono<Instant> last = mongo.findOne(assigned.with(Sort.by(Sort.Direction.DESC, "assignment.since")).limit(1), Intention.class)
                .mapNotNull(Intention::assignedAt);
        return Mono.zip(open, last.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .map(t -> new OfficerLoad(officerId, t.getT1(), t.getT2().orElse(null)));
    }

    /** Every open case submitted before {@code submittedBefore} that is not flagged overdue yet. */
    public Flux<Intention> overdue(Instant submittedBefore) {
        return mongo.find(Query.query(Criteria.where("status").in(OPEN).and("submittedAt").lt(submittedBefore)
                .and("screening.raised").ne("OVERDUE")), Intention.class);
    }

    /** How many open cases carry the OVERDUE flag. */
    public Mono<Long> countOpenOverdue() {
        return mongo.count(Query.query(Criteria.where("status").in(OPEN).and("screening.raised").is("OVERDUE")), Intention.class);
    }

    /** One page of a queue, in keyset order (submission time, then case id). */
    public Flux<Intention> page(QueueQuery query) {
        Sort.Direction direction = query.newestFirst() ? Sort.Direction.DESC : Sort.Direction.ASC;
        return mongo.find(Query.query(criteria(query)).with(Sort.by(direction, "submittedAt", "_id")).limit(query.limit()),
                Intention.class);
    }

    private static Criteria criteria(QueueQuery query) {
        List<Criteria> all = new ArrayList<>();
        addIfSet(all, "assignment.officerId", query.officerId());
        addIfSet(all, "investorId", query.investorId());
        if (query.unassigned()) {
            all.add(Criteria.where("assignment").is(null));
        }
        if (query.investorId() == null) {
            all.add(Criteria.where("status").ne(IntentionStatus.DRAFT));
        }
        addIfSet(all, "status", query.status());
        addIfSet(all, "details.district", query.district());
        addIfSet(all, "details.industryCode", query.industryCode());
        if (query.flag() != null) {
            all.add(new Criteria().orOperator(Criteria.where("screening.result.flags").is(query.flag().name()),
                    Criteria.where("screening.raised").is(query.flag().name())));
        }
        if (query.submittedBefore() != null) {
            all.add(Criteria.where("submittedAt").lt(query.submittedBefore()));
        }
        if (query.after() != null) {
            all.add(after(query.after(), query.newestFirst()));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all.toArray(Criteria[]::new));
    }

    private static Criteria after(QueueQuery.Position position, boolean newestFirst) {
        Criteria beyondTime = newestFirst ? Criteria.where("submittedAt").lt(position.submittedAt())
                : Criteria.where("submittedAt").gt(position.submittedAt());
        Criteria sameTimeBeyondId = newestFirst
                ? Criteria.where("submittedAt").is(position.submittedAt()).and("_id").lt(position.caseId())
                : Criteria.where("submittedAt").is(position.submittedAt()).and("_id").gt(position.caseId());
        return new Criteria().orOperator(beyondTime, sameTimeBeyondId);
    }

    private static void addIfSet(List<Criteria> all, String field, Object value) {
        if (value != null) {
            all.add(Criteria.where(field).is(value));
        }
    }
}
