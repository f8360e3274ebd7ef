package org.investflow.intake.intention.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.investflow.intake.intention.Intention;
import org.investflow.intake.intention.IntentionDetails;
import org.investflow.intake.intention.IntentionStatus;
import org.investflow.intake.intention.QueueQuery;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The questions intake asks of its intentions beyond find-by-id: duplicates among filed candidates, overdue cases, queues. */
@Component
public class IntentionQueries {

    private static final List<IntentionStatus> OPEN = List.of(IntentionStatus.IN_REVIEW, IntentionStatus.INFORMATION_REQUESTED);

    private static final Comparator<Intention> EARLIEST = Comparator.comparing(Intention::submittedAt)
            .thenComparing(intention -> intention.caseId().value());

    private final ReactiveMongoTemplate mongo;

    IntentionQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The earliest case of the same company (name key or registration number), industry and district
     * submitted since {@code since}, other than {@code caseId}: the candidates {@link CompanyCases} filed
     * under the same keys, read by id and checked against their current details.
     */
    public Mono<String> earlierDuplicate(String caseId, IntentionDetails details, List<String> candidates, Instant since) {
        if (candidates.isEmpty()) {
            return Mono.empty();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(candidates)), Intention.class)
                .filter(other -> !other.caseId().value().equals(caseId) && other.sameCompanyAs(details, since))
                .sort(EARLIEST)
                .next()
                .map(earliest -> earliest.caseId().value());
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
