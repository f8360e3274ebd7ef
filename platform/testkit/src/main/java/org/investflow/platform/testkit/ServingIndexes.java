package org.investflow.platform.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which unique index of a collection serves a query's filter, by the rule of the MongoDB-wire server (the
 * strictest store InvestFlow runs on): the filter's fields must be exactly the index's fields, each compared
 * for equality ({@code $in} is allowed on a single-field index). MongoDB serves every such filter from that
 * index too; a filter this rule rejects scans the collection on the wire server.
 *
 * @param uniqueIndexes the field sets of each collection's unique indexes ({@code _id} included)
 */
public record ServingIndexes(Map<String, List<Set<String>>> uniqueIndexes) {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** The field sets of every unique index (and {@code _id}) of the database's collections, as the store lists them. */
    public static Mono<ServingIndexes> of(ReactiveMongoTemplate mongo) {
        return mongo.getCollectionNames().flatMap(collection -> mongo.getCollection(collection).flatMapMany(c -> c.listIndexes())
                        .filter(index -> index.getBoolean("unique", false) || "_id_".equals(index.getString("name")))
                        .<Set<String>>map(index -> new LinkedHashSet<>(((Document) index.get("key")).keySet()))
                        .collectList().map(fields -> Map.entry(collection, fields)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
                .map(ServingIndexes::new);
    }

    /**
     * Asserts that {@code queries} (recorded by a {@link QueryLog} over the hot paths) have exactly the shapes
     * {@code hotPath}, each printed with the request that first sent it; that a unique index serves every one; and,
     * where the store explains queries, that none scans a collection.
     */
    public static void assertServedHotPath(ReactiveMongoTemplate mongo, List<QueryLog.Query> queries, Set<String> hotPath) {
        Map<String, String> shapes = new TreeMap<>();
        queries.forEach(query -> shapes.putIfAbsent(query.shape(), query.request()));
        shapes.forEach((shape, request) -> System.out.printf("hot-path query: %-55s first sent by %s%n", shape, request));
        assertThat(shapes.keySet()).containsExactlyInAnyOrderElementsOf(hotPath);
        ServingIndexes indexes = of(mongo).block(WAIT);
        assertThat(queries).allSatisfy(query -> assertThat(indexes.serving(query))
                .as("a unique index serving %s (sent by %s)", query.shape(), query.request()).isPresent());
        assertNoCollectionScanWhereExplained(mongo, queries);
    }

    /** The fields of the unique index that serves {@code query}, or empty when it would scan. */
    public Optional<Set<String>> serving(QueryLog.Query query) {
        BsonDocument filter = query.filter();
        return uniqueIndexes.getOrDefault(query.collection(), List.of()).stream()
                .filter(fields -> fields.equals(filter.keySet()))
                .filter(fields -> filter.values().stream().allMatch(value -> equality(value, fields.size() == 1)))
                .findFirst();
    }

    /**
     * On a store that explains queries (MongoDB; the wire server does not), asserts that no winning plan of
     * {@code queries} (one per shape) scans a collection; does nothing elsewhere.
     */
    static void assertNoCollectionScanWhereExplained(ReactiveMongoTemplate mongo, Collection<QueryLog.Query> queries) {
        Map<String, QueryLog.Query> byShape = new TreeMap<>();
        queries.forEach(query -> byShape.putIfAbsent(query.shape(), query));
        Map<String, String> plans = explains(mongo).filter(Boolean::booleanValue)
                .flatMapMany(yes -> Flux.fromIterable(byShape.entrySet()))
                .flatMap(shape -> explain(mongo, shape.getValue().collection(), Document.parse(shape.getValue().filter().toJson()))
                        .map(plan -> Map.entry(shape.getKey(), plan.toJson())))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue).block(WAIT);
        plans.forEach((shape, plan) -> assertThat(plan).as("plan of %s", shape).doesNotContain("COLLSCAN"));
    }

    private static Mono<Boolean> explains(ReactiveMongoTemplate mongo) {
        return explain(mongo, "any", new Document()).map(plan -> true).onErrorReturn(false);
    }

    private static Mono<Document> explain(ReactiveMongoTemplate mongo, String collection, Document filter) {
        return mongo.executeCommand(new Document("explain", new Document("find", collection).append("filter", filter))
                .append("verbosity", "queryPlanner"));
    }

    private static boolean equality(BsonValue value, boolean singleField) {
        if (!value.isDocument()) {
            return true;
        }
        Set<String> operators = value.asDocument().keySet();
        return singleField && operators.equals(Set.of("$in"));
    }
}
