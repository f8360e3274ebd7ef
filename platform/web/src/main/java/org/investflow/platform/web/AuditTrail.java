package org.investflow.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.AuditEntry;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A case's audit trail in this service: the history every aggregate of the case carries (written
 * with each state change), read from the collection of every mapped aggregate type, oldest first.
 */
public class AuditTrail {

    private final ReactiveMongoTemplate mongo;

    public AuditTrail(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The case's entries, oldest first; empty when this service knows nothing of the case. */
    public Mono<List<AuditEntry>> of(String caseId) {
        Query ofCase = Query.query(new Criteria().orOperator(Criteria.where("_id").is(caseId), Criteria.where("caseId").is(caseId)));
        return Flux.defer(() -> Flux.fromIterable(aggregateCollections()))
                .concatMap(collection -> mongo.find(ofCase, Document.class, collection))
                .flatMapIterable(document -> document.getList("history", Document.class, List.of()))
                .map(entry -> mongo.getConverter().read(AuditEntry.class, entry))
                .sort(Comparator.comparing(AuditEntry::time))
                .collectList();
    }

    /** The collections of the mapped {@code @Document} types that are aggregates, hence carry a history. */
    private Set<String> aggregateCollections() {
        Set<String> names = new TreeSet<>();
        for (MongoPersistentEntity<?> entity : mongo.getConverter().getMappingContext().getPersistentEntities()) {
            if (AggregateRoot.class.isAssignableFrom(entity.getType())) {
                names.add(entity.getCollection());
            }
        }
        return names;
    }
}
