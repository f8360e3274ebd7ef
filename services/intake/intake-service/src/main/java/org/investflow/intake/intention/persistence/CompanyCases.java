package org.investflow.intake.intention.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The submitted cases of one company in one industry and district, keyed by what identifies the company:
 * one document per company name key and one per registration number ({@code _id} = that key with the
 * industry and district). Duplicate screening reads and extends them in one keyed write per key instead of
 * scanning intentions. They are an index, not the truth: an entry may name a case whose save never
 * happened (a crash, a lost race, a repeated submission) or whose details changed since, so every
 * candidate is checked against its intention, and such an entry never makes a later case a duplicate.
 */
@Component
public class CompanyCases {

    static final String COLLECTION = "company_cases";
    private static final String CASES = "cases";
    private static final String CASE_ID = "caseId";
    private static final String AT = "at";

    private final ReactiveMongoTemplate mongo;

    CompanyCases(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The keys of a company (name key and registration number) in an industry and district. */
    public static List<String> keys(String companyKey, String registrationNumber, String industryCode, String district) {
        String place = "|" + industryCode + "|" + district;
        return List.of("name|" + companyKey + place, "registration|" + registrationNumber + place);
    }

    /**
     * Files {@code caseId} (submitted at {@code submittedAt}) under {@code keys} and emits the other cases
     * filed there before, submitted since {@code since}; entries older than that are dropped from the key.
     * Filing the same case again changes nothing, so a retried command may file again.
     */
    public Flux<String> file(String caseId, Instant submittedAt, List<String> keys, Instant since) {
        Document entry = new Document(CASE_ID, caseId).append(AT, Date.from(submittedAt));
        return Flux.fromIterable(keys).flatMap(key -> fileUnder(key, entry, since))
                .filter(other -> !other.equals(caseId)).distinct();
    }

    private Flux<String> fileUnder(String key, Document entry, Instant since) {
        FindAndModifyOptions upsertReturningBefore = FindAndModifyOptions.options().upsert(true).returnNew(false);
        return mongo.findAndModify(byKey(key), new Update().addToSet(CASES, entry), upsertReturningBefore, Document.class,
                        COLLECTION)
                .flatMapMany(before -> {
                    List<Document> cases = before.getList(CASES, Document.class, List.of());
                    boolean expired = cases.stream().anyMatch(filed -> filed.getDate(AT).toInstant().isBefore(since));
                    Flux<String> recent = Flux.fromIterable(cases)
                            .filter(filed -> !filed.getDate(AT).toInstant().isBefore(since))
                            .map(filed -> filed.getString(CASE_ID));
                    return expired ? forgetBefore(key, since).thenMany(recent) : recent;
                });
    }

    private Mono<Void> forgetBefore(String key, Instant since) {
        Update expired = new Update().pull(CASES, new Document(AT, new Document("$lt", Date.from(since))));
        return mongo.updateFirst(byKey(key), expired, COLLECTION).then();
    }

    /** Removes {@code caseId} from {@code keys} (its details no longer match them). */
    public Mono<Void> withdraw(String caseId, List<String> keys) {
        return Flux.fromIterable(keys)
                .flatMap(key -> mongo.updateFirst(byKey(key), new Update().pull(CASES, new Document(CASE_ID, caseId)), COLLECTION))
                .then();
    }

    private static Query byKey(String key) {
        return Query.query(Criteria.where("_id").is(key));
    }
}
