package org.investflow.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Which unique index of a collection serves a query's filter, by the rule of the MongoDB-wire server (the
 * strictest store InvestFlow runs on): the filter's fields must be exactly the index's fields, each compared
 * for equality ({@code $in} is allowed on a single-field index). MongoDB serves every such filter from that
 * index too; a filter this rule rejects scans the collection on the wire server.
 *
 * @param uniqueIndexes the field sets of each collection's unique indexes ({@code _id} included)
 */
public record ServingIndexes(Map<String, List<Set<String>>> uniqueIndexes) {

    /** The fields of the unique index that serves {@code query}, or empty when it would scan. */
    public Optional<Set<String>> serving(QueryLog.Query query) {
        BsonDocument filter = query.filter();
        return uniqueIndexes.getOrDefault(query.collection(), List.of()).stream()
                .filter(fields -> fields.equals(filter.keySet()))
                .filter(fields -> filter.values().stream().allMatch(value -> equality(value, fields.size() == 1)))
                .findFirst();
    }

    private static boolean equality(BsonValue value, boolean singleField) {
        if (!value.isDocument()) {
            return true;
        }
        Set<String> operators = value.asDocument().keySet();
        return singleField && operators.equals(Set.of("$in"));
    }
}
