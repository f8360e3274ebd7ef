package org.investflow.tracking.pipeline.persistence;

import org.investflow.tracking.pipeline.PipelineCase;
import org.investflow.tracking.pipeline.PipelineStage;
import org.investflow.tracking.pipeline.StageCounts;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Stage counts as MongoDB count queries over {@code pipeline_cases}: one per stage and measure. */
@Component
class StageCountQueries implements StageCounts {

    private final ReactiveMongoTemplate mongo;

    StageCountQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Long> current(PipelineStage stage) {
        return count(Criteria.where("stage").is(stage.name()));
    }

    @Override
    public Mono<Long> reached(PipelineStage stage) {
        return count(Criteria.where("enteredAt." + stage.name()).exists(true));
    }

    private Mono<Long> count(Criteria criteria) {
        return mongo.count(Query.query(criteria), PipelineCase.class);
    }
}
