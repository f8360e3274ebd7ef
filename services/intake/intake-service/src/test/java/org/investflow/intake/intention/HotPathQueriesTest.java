package org.investflow.intake.intention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.BsonDocument;
import org.investflow.intake.IntakeTest;
import org.investflow.platform.testkit.QueryLog;
import org.investflow.platform.testkit.ServingIndexes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The database queries of intake's command paths, listed and each checked against the unique indexes that
 * must serve it: a query no index serves would scan the intentions on every request. With
 * {@code -Pcontainers} (a real MongoDB), each query's plan is also asked for and must not scan a collection.
 */
@IntakeTest
class HotPathQueriesTest {

    /** Every query shape a submission, a decision and the other commands send: a new one must be added here, and be served. */
    private static final Set<String> HOT_PATH = Set.of(
            "find intentions {investorId, idempotencyKey}",
            "findAndModify counters {_id}",
            "findAndModify company_cases {_id}",
            "find intentions {_id:$in}",
            "find officer_loads {_id:$in}",
            "update officer_loads {_id}",
            "find intentions {_id}",
            "update intentions {_id, version}",
            "update company_cases {_id}");

    @LocalServerPort
    int port;

    @Autowired
    QueryLog log;

    @Autowired
    ReactiveMongoTemplate mongo;

    Intentions api;

    @BeforeEach
    void connect() {
        api = new Intentions(port);
    }

    @Test
    void everyQueryOfTheCommandPathsIsServedByAUniqueIndex() {
        log.start();
        journey();
        List<QueryLog.Query> queries = log.stop();

        ServingIndexes.assertServedHotPath(mongo, queries, HOT_PATH);
    }

    @Test
    void aQueryWhoseFieldsAreNoUniqueIndexsIsCaughtAsAScan() {
        ServingIndexes indexes = ServingIndexes.of(mongo).block(java.time.Duration.ofSeconds(10));
        BsonDocument byCompany = BsonDocument.parse("{companyKey: 'acme', 'details.industryCode': 'C29'}");
        BsonDocument byIdAndStatus = BsonDocument.parse("{_id: 'CQ-2026-000001', status: 'IN_REVIEW'}");
        BsonDocument byIdRange = BsonDocument.parse("{_id: {$gt: 'CQ-2026-000001'}}");

        assertThat(indexes.serving(new QueryLog.Query("find", "intentions", byCompany, "test"))).isEmpty();
        assertThat(indexes.serving(new QueryLog.Query("find", "intentions", byIdAndStatus, "test"))).isEmpty();
        assertThat(indexes.serving(new QueryLog.Query("find", "intentions", byIdRange, "test"))).isEmpty();
        assertThat(indexes.serving(new QueryLog.Query("update", "intentions",
                BsonDocument.parse("{_id: 'CQ-2026-000001', version: 3}"), "test"))).contains(Set.of("_id", "version"));
    }

    /** Submissions (new, repeated, of a known company), a draft, and every decision an officer or leader takes. */
    private void journey() {
        Map<String, Object> form = Intentions.form();
        String key = "key-" + UUID.randomUUID();
        String first = submit("investor-hotpath-a", key, form);
        assertThat(submit("investor-hotpath-a", key, form)).isEqualTo(first);
        Map<String, Object> sameCompany = new java.util.HashMap<>(Intentions.form());
        sameCompany.put("companyName", form.get("companyName"));
        String duplicate = submit("investor-hotpath-b", "key-" + UUID.randomUUID(), sameCompany);
        assertThat(api.seenByLeader(duplicate).get("screening")).asString().contains(first);

        post(api.officerOf(duplicate), "OFFICER", duplicate, "/information-request", Map.of("message", "Which plant size?"));
        api.as("investor-hotpath-b", "INVESTOR", HttpMethod.PUT, "/api/intentions/" + duplicate).bodyValue(Intentions.form())
                .exchange().expectStatus().isOk();
        post(api.officerOf(first), "OFFICER", first, "/acceptance", Map.of());

        String drafted = api.draft("investor-hotpath-c", Intentions.form());
        api.as("investor-hotpath-c", "INVESTOR", HttpMethod.POST, "/api/intentions/" + drafted + "/submission")
                .exchange().expectStatus().isOk();
        post(api.officerOf(drafted), "OFFICER", drafted, "/rejection", Map.of("reasonCode", "OUT_OF_SCOPE", "reason", "No."));

        String moved = submit("investor-hotpath-c", "key-" + UUID.randomUUID(), Intentions.form());
        post("leader-chen", "LEADER", moved, "/assignment", Map.of("officerId", api.otherOfficerThan(moved)));
        post("investor-hotpath-c", "INVESTOR", moved, "/withdrawal", Map.of("reason", "Plans changed"));
    }

    private String submit(String investor, String idempotencyKey, Map<String, Object> form) {
        return api.as(investor, "INVESTOR", HttpMethod.POST, "/api/intentions").header("Idempotency-Key", idempotencyKey)
                .bodyValue(form).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("caseId").toString();
    }

    private void post(String user, String role, String caseId, String action, Map<String, Object> body) {
        api.as(user, role, HttpMethod.POST, "/api/intentions/" + caseId + action).bodyValue(body)
                .exchange().expectStatus().isOk();
    }
}
