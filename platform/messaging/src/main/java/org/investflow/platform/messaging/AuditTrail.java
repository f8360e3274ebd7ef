package org.investflow.platform.messaging;

import java.util.Comparator;
import java.util.List;

import org.bson.Document;
import org.investflow.platform.domain.AuditEntry;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A case's audit trail in this service: the history every aggregate of the case carries (written
 * with each state change), read from the service's outbox collections, oldest first.
 */
public class AuditTrail {

    private final ReactiveMongoTemplate mongo;
    private final List<String> collections;

    public AuditTrail(ReactiveMongoTemplate mongo, MessagingProperties properties) {
        this.mongo = mongo;
        this.collections = properties.outboxCollections();
    }

    /** The case's entries, oldest first; empty when this service knows nothing of the case. */
    public Mono<List<AuditEntry>> of(String caseId) {
        Query ofCase = Query.query(new Criteria().orOperator(Criteria.where("_id").is(caseId), Criteria.where("caseId").is(caseId)));
        return Flux.fromIterable(collections)
                .concatMap(collection -> mongo.find(ofCase, Document.class, collection))
                .flatMapIterable(document -> document.getList("history", Document.class, List.of()))
                .map(entry -> mongo.getConverter().read(AuditEntry.class, entry))
                .sort(Comparator.comparing(AuditEntry::time))
                .collectList();
    }
}
