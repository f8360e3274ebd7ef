package org.investflow.tracking.pipeline.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.investflow.tracking.pipeline.PipelineCase;
import org.investflow.tracking.pipeline.PipelineFilter;
import org.investflow.tracking.pipeline.PipelineStage;
import org.investflow.tracking.pipeline.StageCounts;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pipeline figures as MongoDB queries over {@code pipeline_cases}: counts per stage and measure, and
 * the kept durations of one stage read as a single field per case.
 */
@Component
class StageCountQueries implements StageCounts {

    private static final String COLLECTION = "pipeline_cases";
    /** Stages a case can stall in: every stage but the exits and the last one. */
    private static final List<String> OPEN_STAGES = List.of("INTENTION", "SCREENED", "NEGOTIATING", "AGREED", "CONTRACTED",
            "LANDED");

    private final ReactiveMongoTemplate mongo;

    StageCountQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Long> current(PipelineStage stage, PipelineFilter filter) {
        return count(Criteria.where("stage").is(stage.name()), filter);
    }

    @Override
    public Mono<Long> reached(PipelineStage stage, PipelineFilter filter) {
        return count(Criteria.where("enteredAt." + stage.name()).exists(true), filter);
    }

    @Override
    public Flux<Long> secondsIn(PipelineStage stage, PipelineFilter filter) {
        String field = "secondsInStage." + stage.name();
        Query query = Query.query(matching(Criteria.where(field).exists(true), filter));
        query.fields().include(field);
        return mongo.find(query, Document.class, COLLECTION)
                .map(document -> ((Number) document.get("secondsInStage", Document.class).get(stage.name())).longValue());
    }

    @Override
    public Mono<Long> countStalled(Instant movedBefore) {
        return count(waiting(movedBefore), PipelineFilter.ALL);
    }

    @Override
    public Flux<PipelineCase> stalled(Instant movedBefore, PipelineFilter filter, int limit) {
        Query query = Query.query(matching(waiting(movedBefore), filter)).with(Sort.by("movedAt", "_id")).limit(limit);
        return mongo.find(query, PipelineCase.class);
    }

    @Override
    public Flux<PipelineCase> cases(PipelineFilter filter) {
        Query query = Query.query(matching(Criteria.where("openedAt").exists(true), filter)).with(Sort.by("openedAt", "_id"));
        return mongo.find(query, PipelineCase.class);
    }

    @Override
    public Flux<PipelineCase> delayed(PipelineFilter filter, int limit) {
        Query query = Query.query(matching(Criteria.where("delay.overdue.0").exists(true), filter))
                .with(Sort.by("delay.at", "_id")).limit(limit);
        return mongo.find(query, PipelineCase.class);
    }

    @Override
    public Flux<PipelineCase> contracted(PipelineFilter filter) {
        String signed = "enteredAt." + PipelineStage.CONTRACTED.name();
        return mongo.find(Query.query(matching(Criteria.where(signed).exists(true), filter, signed)), PipelineCase.class);
    }

    private static Criteria waiting(Instant movedBefore) {
        return Criteria.where("stage").in(OPEN_STAGES).and("movedAt").lt(movedBefore);
    }

    private Mono<Long> count(Criteria criteria, PipelineFilter filter) {
        return mongo.count(Query.query(matching(criteria, filter)), PipelineCase.class);
    }

    /** {@code criteria} and every part of {@code filter} that is set. */
    static Criteria matching(Criteria criteria, PipelineFilter filter) {
        return matching(criteria, filter, "openedAt");
    }

    /** As {@link #matching(Criteria, PipelineFilter)}, the period applied to {@code periodField}. */
    static Criteria matching(Criteria criteria, PipelineFilter filter, String periodField) {
        List<Criteria> all = new ArrayList<>(List.of(criteria));
        equal(all, "profile.country", filter.country());
        equal(all, "profile.industryCode", filter.industryCode());
        equal(all, "profile.district", filter.district());
        if (filter.openedFrom() != null) {
            all.add(Criteria.where(periodField).gte(filter.openedFrom()));
        }
        if (filter.openedUntil() != null) {
            all.add(Criteria.where(periodField).lt(filter.openedUntil()));
        }
        return all.size() == 1 ? criteria : new Criteria().andOperator(all);
    }

    private static void equal(List<Criteria> all, String field, String value) {
        if (value != null) {
            all.add(Criteria.where(field).is(value));
        }
    }
}
