package org.investflow.tracking.pipeline.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.investflow.tracking.pipeline.CaseStages;
import org.investflow.tracking.pipeline.PipelineCase;
import org.investflow.tracking.pipeline.PipelineFilter;
import org.investflow.tracking.pipeline.PipelineStage;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOptions;
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

    /**
     * Documents per round trip when a figure reads every matching case: the reactive driver otherwise asks for as
     * many as the subscriber's demand (a few hundred), one round trip each.
     */
    private static final int BATCH = 10_000;
    /** How many trailing characters of the case id partition the durations read (case ids end in digits). */
    private static final int PARTITION_CHARS = 3;
    /** How many cases one aggregation of the funnel reads at most (about 25 MB of answers). */
    private static final long CASES_PER_SLICE = 150_000;

    private final ReactiveMongoTemplate mongo;

    StageCountQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Long> current(PipelineStage stage, PipelineFilter filter) {
        return count(Criteria.where("stage").is(stage.name()), filter);
    }

    /**
     * Groups the cases by the last {@value #PARTITION_CHARS} characters of their id and pushes the three fields the
     * funnel reads into parallel arrays: each answer then carries about one case in a thousand (far below a document's
     * 16 MB at any realistic size), and the read is one pass with about a thousand answers instead of one per case
     * (the MongoDB-wire development server spends most of a per-case read on the answers, and has no index to help a
     * count either). Pushing plain fields keeps the pass cheap; building a sub-document per case does not.
     * <p>
     * The development server answers an aggregation in one reply, which its driver refuses beyond 48 MB (MongoDB
     * itself hands out 16 MB batches): above {@value #CASES_PER_SLICE} cases the read is made in slices by the last
     * two characters of the case id, each slice one pass.
     */
    @Override
    public Flux<CaseStages> stages(PipelineFilter filter) {
        return count(null, filter).flatMapMany(cases -> reads(cases, filter))
                .concatMap(read -> mongo.aggregate(read, COLLECTION, Document.class))
                .concatMapIterable(StageCountQueries::casesOf);
    }

    private static Flux<Aggregation> reads(long cases, PipelineFilter filter) {
        List<Criteria> slices = CaseIdSlices.of((int) Math.min(100, 1 + cases / CASES_PER_SLICE));
        return slices.isEmpty() ? Flux.just(partitioned(null, filter))
                : Flux.fromIterable(slices).map(slice -> partitioned(slice, filter));
    }

    private static Aggregation partitioned(Criteria slice, PipelineFilter filter) {
        return Aggregation.newAggregation(Aggregation.match(matching(slice, filter)),
                        context -> Document.parse("{$group: {_id: " + suffix(PARTITION_CHARS) + ", stage: {$push: '$stage'},"
                                + " enteredAt: {$push: '$enteredAt'}, secondsInStage: {$push: '$secondsInStage'}}}"))
                .withOptions(AggregationOptions.builder().cursorBatchSize(100).build());
    }

    /** The expression of the last {@code chars} characters of the case id (the whole id when shorter). */
    static String suffix(int chars) {
        return "{$substrCP: ['$_id', {$max: [0, {$subtract: [{$strLenCP: '$_id'}, " + chars + "]}]}, " + chars + "]}";
    }

    /** The cases of one partition: the i-th element of each pushed array belongs to the same case. */
    private static List<CaseStages> casesOf(Document partition) {
        List<Object> stages = partition.getList("stage", Object.class);
        List<Document> entered = partition.getList("enteredAt", Document.class);
        List<Document> seconds = partition.getList("secondsInStage", Document.class);
        List<CaseStages> cases = new ArrayList<>(stages.size());
        for (int i = 0; i < stages.size(); i++) {
            cases.add(new CaseStages(stages.get(i) instanceof String stage ? PipelineStage.valueOf(stage) : null,
                    reachedOf(entered.get(i)), secondsOf(seconds.get(i))));
        }
        return cases;
    }

    private static Set<PipelineStage> reachedOf(Document entered) {
        Set<PipelineStage> reached = EnumSet.noneOf(PipelineStage.class);
        if (entered != null) {
            entered.keySet().forEach(name -> reached.add(PipelineStage.valueOf(name)));
        }
        return reached;
    }

    private static Map<PipelineStage, Long> secondsOf(Document seconds) {
        Map<PipelineStage, Long> spent = new EnumMap<>(PipelineStage.class);
        if (seconds != null) {
            seconds.forEach((name, value) -> spent.put(PipelineStage.valueOf(name), ((Number) value).longValue()));
        }
        return spent;
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
        Query query = Query.query(matching(Criteria.where(signed).exists(true), filter, signed));
        query.fields().include("enteredAt", "committed", "realised", "jobsToDate", "constructionStartedAt");
        query.cursorBatchSize(BATCH);
        return mongo.find(query, PipelineCase.class);
    }

    private static Criteria waiting(Instant movedBefore) {
        return Criteria.where("stage").in(OPEN_STAGES).and("movedAt").lt(movedBefore);
    }

    private Mono<Long> count(Criteria criteria, PipelineFilter filter) {
        return mongo.count(Query.query(matching(criteria, filter)), PipelineCase.class);
    }

    /** {@code criteria} (null: none) and every part of {@code filter} that is set. */
    static Criteria matching(Criteria criteria, PipelineFilter filter) {
        return matching(criteria, filter, "openedAt");
    }

    /** As {@link #matching(Criteria, PipelineFilter)}, the period applied to {@code periodField}. */
    static Criteria matching(Criteria criteria, PipelineFilter filter, String periodField) {
        List<Criteria> all = new ArrayList<>();
        if (criteria != null) {
            all.add(criteria);
        }
        equal(all, "profile.country", filter.country());
        equal(all, "profile.industryCode", filter.industryCode());
        equal(all, "profile.district", filter.district());
        if (filter.openedFrom() != null) {
            all.add(Criteria.where(periodField).gte(filter.openedFrom()));
        }
        if (filter.openedUntil() != null) {
            all.add(Criteria.where(periodField).lt(filter.openedUntil()));
        }
        return all.isEmpty() ? new Criteria() : all.size() == 1 ? all.get(0) : new Criteria().andOperator(all);
    }

    private static void equal(List<Criteria> all, String field, String value) {
        if (value != null) {
            all.add(Criteria.where(field).is(value));
        }
    }
}
