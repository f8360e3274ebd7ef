package org.investflow.devstack;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.investflow.platform.events.Role;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Project tracking's funnel as leadership reads it, from the tallies it maintains event by event, beside the same
 * funnel after an administrator's recount ({@code POST /api/pipeline/recount}: every stored case counted again in
 * one pass, the result swapped in). After a fault run the two must be equal: no event was counted twice or missed.
 *
 * @param maintained each stage's current and reached counts before the recount ("STAGE current/reached")
 * @param recounted  the same after it
 * @param cases      the cases in the funnel (each is current in exactly one stage)
 */
record PipelineTallies(List<String> maintained, List<String> recounted, long cases) {

    private static final String FUNNEL = "/api/pipeline/funnel";

    static PipelineTallies check(Map<Service, URI> services, BiFunction<String, String, String> tokens) {
        ServiceCalls calls = new ServiceCalls(services, tokens, "leader-chen");
        JsonNode maintained = calls.get(Service.PROJECT_TRACKING, FUNNEL, "leader-chen", Role.LEADER);
        calls.post(Service.PROJECT_TRACKING, "/api/pipeline/recount", "admin-zhao", Role.ADMIN, Map.of());
        JsonNode recounted = calls.get(Service.PROJECT_TRACKING, FUNNEL, "leader-chen", Role.LEADER);
        long cases = 0;
        for (JsonNode stage : recounted.path("stages")) {
            cases += stage.path("current").asLong();
        }
        return new PipelineTallies(counts(maintained), counts(recounted), cases);
    }

    /**
     * The batches whose cases still owe the tallies what they added (a kill between the batch's case write and its tally
     * write; project-tracking's recovery adds it): the batches' notes, which go once the tallies have them, read from the
     * database. (A case keeps a settled batch's pending tally until its next write, so the cases do not tell.)
     */
    static long batchesOwed(int databasePort) {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + databasePort)) {
            return Mono.from(client.getDatabase("investflow_project_tracking").getCollection("pipeline_owed_batches")
                    .countDocuments()).block(Duration.ofSeconds(10));
        }
    }

    private static List<String> counts(JsonNode funnel) {
        List<String> counts = new ArrayList<>();
        funnel.path("stages").forEach(stage -> counts.add(stage.path("stage").asText() + " " + stage.path("current").asLong()
                + "/" + stage.path("reached").asLong()));
        return counts;
    }
}
