package org.investflow.tracking.pipeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Adds up tally documents (see {@link CaseTallies}), read as plain maps, into the funnel and the commission's figures:
 * the same answers as adding up the cases one by one, from a number of documents that depends on the filter only.
 */
final class TallyFold {

    private static final PipelineStage[] STAGES = PipelineStage.values();

    private TallyFold() {
    }

    static Funnel funnel(List<Map<String, Object>> documents) {
        long[] current = new long[STAGES.length];
        long[] reached = new long[STAGES.length];
        Map<PipelineStage, SortedMap<Long, long[]>> seconds = new EnumMap<>(PipelineStage.class);
        for (Map<String, Object> document : documents) {
            sum(document, "current", current);
            sum(document, "reached", reached);
            histograms(document, seconds);
        }
        List<FunnelStage> rows = new ArrayList<>(STAGES.length);
        for (PipelineStage stage : STAGES) {
            SortedMap<Long, long[]> spent = seconds.getOrDefault(stage, new TreeMap<>());
            rows.add(new FunnelStage(stage, current[stage.ordinal()], reached[stage.ordinal()],
                    FunnelTally.conversion(stage, reached), Percentiles.of(spent, 0.5), Percentiles.of(spent, 0.9)));
        }
        return new Funnel(rows);
    }

    static CommissionFigures figures(List<Map<String, Object>> documents, ReportingCurrency reporting) {
        FiguresTally tally = new FiguresTally(reporting);
        Map<String, BigDecimal[]> capital = new TreeMap<>();
        for (Map<String, Object> document : documents) {
            tally.addCounts(number(document, "contracted"), number(document, "landed"), number(document, "constructionStarted"),
                    number(document, "fulfilled"), number(document, "jobsCommitted"), number(document, "jobsCreated"));
            nested(document, "capital").forEach((currency, value) -> {
                Map<String, Object> fields = asMap(value);
                if (number(fields, "n") > 0) {
                    BigDecimal[] sums = capital.computeIfAbsent(currency, any -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    sums[0] = sums[0].add(decimal(fields.get("committed")));
                    sums[1] = sums[1].add(decimal(fields.get("realised")));
                }
            });
        }
        capital.forEach((currency, sums) -> tally.addCapital(sums[0], sums[1], currency));
        return tally.figures();
    }

    /** Cases per district (null: unknown) from the districts document. */
    static Map<String, Long> districts(List<Map<String, Object>> documents) {
        Map<String, Long> cases = new java.util.HashMap<>();
        documents.forEach(document -> nested(document, "district").forEach((name, count) -> {
            if (((Number) count).longValue() != 0) {
                cases.merge(CaseTallies.district(name), ((Number) count).longValue(), Long::sum);
            }
        }));
        return cases;
    }

    /** The sum of the counts under {@code field} whose key, a number, is below {@code bound}. */
    static long sumBelow(Map<String, Object> document, String field, long bound) {
        return nested(document, field).entrySet().stream().filter(entry -> Long.parseLong(entry.getKey()) < bound)
                .mapToLong(entry -> ((Number) entry.getValue()).longValue()).sum();
    }

    private static void sum(Map<String, Object> document, String field, long[] into) {
        nested(document, field).forEach((stage, count) -> into[PipelineStage.valueOf(stage).ordinal()] += ((Number) count).longValue());
    }

    /** Adds the histograms of {@code document} ({@code spent.STAGE.nK} and {@code .sK}) to {@code into}: per bucket K its count and sum. */
    private static void histograms(Map<String, Object> document, Map<PipelineStage, SortedMap<Long, long[]>> into) {
        nested(document, CaseTallies.HISTOGRAMS).forEach((stage, buckets) -> {
            SortedMap<Long, long[]> histogram = into.computeIfAbsent(PipelineStage.valueOf(stage), any -> new TreeMap<>());
            asMap(buckets).forEach((field, value) -> histogram.computeIfAbsent(Long.parseLong(field.substring(1)), any -> new long[2])
                    [field.charAt(0) == 'n' ? 0 : 1] += ((Number) value).longValue());
        });
    }

    private static Map<String, Object> nested(Map<String, Object> document, String field) {
        Object value = document.get(field);
        return value == null ? Map.of() : asMap(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static long number(Map<String, Object> document, String field) {
        Object value = document.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }
}
