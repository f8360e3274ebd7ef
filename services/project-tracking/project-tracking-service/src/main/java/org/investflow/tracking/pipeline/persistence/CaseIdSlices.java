package org.investflow.tracking.pipeline.persistence;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Splits the cases into disjoint slices by the last two characters of their id, compared as strings against
 * evenly spread two-digit bounds ("00" to "99"): every id falls in exactly one slice, ids ending in digits spread
 * evenly. No slices (read everything at once) when one is asked for.
 */
final class CaseIdSlices {

    private CaseIdSlices() {
    }

    /** {@code count} (2–100) criteria that together match every case exactly once; none for one slice (no condition). */
    static List<Criteria> of(int count) {
        List<Criteria> slices = new ArrayList<>();
        if (count <= 1) {
            return slices;
        }
        String lower = null;
        for (int i = 1; i <= count; i++) {
            String upper = i == count ? null : String.format("%02d", i * 100 / count);
            slices.add(between(lower, upper));
            lower = upper;
        }
        return slices;
    }

    private static Criteria between(String lower, String upper) {
        List<Document> bounds = new ArrayList<>();
        Document suffix = Document.parse("{s: " + StageCountQueries.suffix(2) + "}");
        if (lower != null) {
            bounds.add(new Document("$gte", List.of(suffix.get("s"), lower)));
        }
        if (upper != null) {
            bounds.add(new Document("$lt", List.of(suffix.get("s"), upper)));
        }
        return Criteria.expr(() -> new Document("$and", bounds));
    }
}
