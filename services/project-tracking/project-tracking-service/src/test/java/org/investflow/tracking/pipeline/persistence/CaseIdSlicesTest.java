package org.investflow.tracking.pipeline.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.MongoExpression;
import org.springframework.data.mongodb.core.query.Criteria;

/** The slices of a large funnel read: every case id falls in exactly one, whatever its last two characters. */
class CaseIdSlicesTest {

    @ParameterizedTest(name = "{0} slices")
    @ValueSource(ints = {2, 3, 7, 10, 100})
    void everySuffixFallsInExactlyOneSlice(int count) {
        List<Criteria> slices = CaseIdSlices.of(count);
        assertThat(slices).hasSize(count);
        List<String> suffixes = new ArrayList<>(List.of("", "7", "A", "-0", "zz", "~~"));
        for (int i = 0; i < 100; i++) {
            suffixes.add(String.format("%02d", i));
        }
        for (String suffix : suffixes) {
            assertThat(slices.stream().filter(slice -> contains(slice, suffix)).count()).as(suffix).isEqualTo(1);
        }
    }

    @org.junit.jupiter.api.Test
    void oneSliceIsNoSlicing() {
        assertThat(CaseIdSlices.of(1)).isEmpty();
    }

    /** Evaluates a slice's {@code $expr} bounds on {@code suffix} as MongoDB compares strings (by code point here). */
    private static boolean contains(Criteria slice, String suffix) {
        Object rendered = slice.getCriteriaObject().get("$expr");
        Document expr = rendered instanceof MongoExpression expression ? expression.toDocument() : (Document) rendered;
        for (Document bound : expr.getList("$and", Document.class)) {
            String operator = bound.keySet().iterator().next();
            String limit = (String) bound.getList(operator, Object.class).get(1);
            boolean holds = operator.equals("$gte") ? suffix.compareTo(limit) >= 0 : suffix.compareTo(limit) < 0;
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
