package org.investflow.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.investflow.devstack.Service;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The funnel counted the slow, obvious way, to check project-tracking's answer: every stored case read through the
 * driver, its current stage, the stages it entered and its kept seconds in stage added up here; nearest-rank
 * percentiles of the full sample.
 */
final class FunnelRecount {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The tallies' stated error of a time-in-stage percentile (relative). */
    private static final double PERCENTILE_ERROR = 0.01;

    private FunnelRecount() {
    }

    /** Null when {@code answer} (the funnel's JSON) equals the recount of the cases stored at {@code mongoAddress}; else what differs. */
    static String mismatch(String mongoAddress, String answer) {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, List<Long>> seconds = new HashMap<>();
        try (MongoClient client = MongoClients.create("mongodb://" + mongoAddress)) {
            Flux.from(client.getDatabase(Service.PROJECT_TRACKING.database()).getCollection("pipeline_cases").find()
                            .projection(Projections.include("stage", "enteredAt", "secondsInStage")).batchSize(10_000))
                    .doOnNext(stored -> add(stored, counts, seconds)).blockLast(Duration.ofMinutes(10));
        }
        List<String> differences = new ArrayList<>();
        for (JsonNode row : JSON.readTree(answer).path("stages")) {
            String stage = row.path("stage").asString();
            long[] expected = counts.getOrDefault(stage, new long[2]);
            if (row.path("current").asLong() != expected[0] || row.path("reached").asLong() != expected[1]) {
                differences.add(stage + " current/reached " + row.path("current").asLong() + "/" + row.path("reached").asLong()
                        + ", recounted " + expected[0] + "/" + expected[1]);
            }
            List<Long> sample = seconds.getOrDefault(stage, new ArrayList<>());
            sample.sort(null);
            check(differences, stage + " median", row.path("medianSeconds"), percentile(sample, 0.5));
            check(differences, stage + " p90", row.path("p90Seconds"), percentile(sample, 0.9));
        }
        return differences.isEmpty() ? null : String.join("; ", differences);
    }

    private static void add(Document stored, Map<String, long[]> counts, Map<String, List<Long>> seconds) {
        if (stored.getString("stage") != null) {
            counts.computeIfAbsent(stored.getString("stage"), any -> new long[2])[0]++;
        }
        Document entered = stored.get("enteredAt", Document.class);
        if (entered != null) {
            entered.keySet().forEach(stage -> counts.computeIfAbsent(stage, any -> new long[2])[1]++);
        }
        Document spent = stored.get("secondsInStage", Document.class);
        if (spent != null) {
            spent.forEach((stage, value) -> seconds.computeIfAbsent(stage, any -> new ArrayList<>()).add(((Number) value).longValue()));
        }
    }

    private static Long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? null : sorted.get(Math.max((int) Math.ceil(p * sorted.size()), 1) - 1);
    }

    private static void check(List<String> differences, String what, JsonNode answered, Long expected) {
        boolean none = answered.isMissingNode() || answered.isNull();
        if (expected == null ? !none : none || Math.abs(answered.asLong() - expected) > expected * PERCENTILE_ERROR) {
            differences.add(what + " " + (none ? "none" : answered.asLong()) + ", recounted " + expected);
        }
    }
}
