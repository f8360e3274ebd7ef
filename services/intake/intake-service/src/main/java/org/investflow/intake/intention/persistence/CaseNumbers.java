package org.investflow.intake.intention.persistence;

import java.time.Clock;
import java.time.Year;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Mints case ids such as {@code CQ-2026-000123} from an atomic per-year counter in MongoDB. */
@Component
class CaseNumbers implements CaseNumbering {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final String prefix;

    CaseNumbers(ReactiveMongoTemplate mongo, Clock clock, @Value("${investflow.intake.case-prefix:CQ}") String prefix) {
        this.mongo = mongo;
        this.clock = clock;
        this.prefix = prefix;
    }

    @Override
    public Mono<String> next() {
        int year = Year.now(clock).getValue();
        Query counter = Query.query(Criteria.where("_id").is("case-" + year));
        FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(true);
        return mongo.findAndModify(counter, new Update().inc("value", 1L), upsert, Document.class, "counters")
                .map(document -> String.format("%s-%d-%06d", prefix, year, ((Number) document.get("value")).longValue()));
    }
}
