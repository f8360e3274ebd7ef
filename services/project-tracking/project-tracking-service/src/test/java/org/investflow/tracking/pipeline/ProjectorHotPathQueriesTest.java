package org.investflow.tracking.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.BsonDocument;
import org.investflow.platform.testkit.QueryLog;
import org.investflow.platform.testkit.ServingIndexes;
import org.investflow.tracking.TrackingServiceTest;
import org.investflow.tracking.pipeline.persistence.CaseDocuments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The database queries of the read model's projector, listed and each checked against the unique indexes that must
 * serve it: the projector runs for every event, so a query no index serves would scan the cases or the tallies for
 * every batch, more slowly the more there are. With {@code -Pcontainers} (a real MongoDB), each query's plan is also
 * asked for and must not scan a collection.
 */
@TrackingServiceTest
@Import(QueryLog.Configuration.class)
class ProjectorHotPathQueriesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BATCH = "a projector batch";

    /** Every query shape of a batch (its note's insert has no filter): a new one must be added here, and be served. */
    private static final Set<String> HOT_PATH = Set.of(
            "find pipeline_cases {_id:$in}",
            "update pipeline_cases {_id, version}",
            "find pipeline_tallies {_id:$in}",
            "find pipeline_owed_batches {_id:$in}",
            "update pipeline_tallies {_id, v}",
            "delete pipeline_owed_batches {_id:$in}");

    @Autowired
    PipelineProjection projection;
    @Autowired
    QueryLog log;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void everyQueryOfABatchIsServedByAUniqueIndex() {
        String caseId = "HP-2030-" + UUID.randomUUID().toString().substring(0, 8);
        CaseProfile profile = new CaseProfile("DE", "C29", "HotPath-" + UUID.randomUUID());
        Instant opened = Instant.parse("2030-03-01T02:00:00Z");
        log.start();
        project(caseId, new StageSignal(PipelineStage.INTENTION, "investor-hot-path", opened, profile));
        project(caseId, new StageSignal(PipelineStage.SCREENED, "investor-hot-path", opened.plus(Duration.ofDays(1)), profile));
        List<QueryLog.Query> queries = log.stop();

        ServingIndexes.assertServedHotPath(mongo, queries, HOT_PATH);
    }

    @Test
    void aFilterCombinedWithAndIsCaughtAsAScan() {
        ServingIndexes indexes = new ServingIndexes(Map.of(CaseDocuments.TALLIES, List.of(Set.of("_id"), Set.of("_id", "v"))));
        BsonDocument combined = BsonDocument.parse("{$and: [{_id: 'F|*|*|*|*'}, {v: 3}]}");

        assertThat(indexes.serving(new QueryLog.Query("update", CaseDocuments.TALLIES, combined, BATCH))).isEmpty();
        assertThat(indexes.serving(new QueryLog.Query("update", CaseDocuments.TALLIES,
                BsonDocument.parse("{_id: 'F|*|*|*|*', v: 3}"), BATCH))).contains(Set.of("_id", "v"));
    }

    private void project(String caseId, StageSignal signal) {
        projection.projectFacts(List.of(new ProjectionBatch.Fact(caseId, UUID.randomUUID().toString(), List.of(signal))),
                        CaseDocuments.CASES, CaseDocuments.TALLIES, false)
                .contextWrite(context -> context.put(QueryLog.REQUEST, BATCH)).block(WAIT);
    }
}
