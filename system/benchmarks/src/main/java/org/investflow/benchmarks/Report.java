package org.investflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every figure of one run, kept twice from one call: as a nested JSON document (by dotted path) and
 * as a row of the text table, so the two can never disagree.
 */
final class Report {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();

    /** Records a measured figure under {@code path} (e.g. {@code limits.kafka.produceRecordsPerSecond}). */
    void figure(String path, Object value, String unit) {
        put(path, value);
        rows.add(new String[] {path, format(value), unit});
    }

    /** Records a fact that belongs in the JSON only (machine, settings, lists). */
    void fact(String path, Object value) {
        put(path, value);
    }

    /** A figure that could not be measured, with the reason: null in JSON, the reason in the table. */
    void unavailable(String path, String reason) {
        put(path, null);
        put(path + "Reason", reason);
        rows.add(new String[] {path, "n/a", reason});
    }

    /** The value at {@code path}, or null. */
    Object get(String path) {
        Object node = root;
        for (String key : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    double number(String path) {
        Object value = get(path);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    String table() {
        int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(10);
        Map<String, List<String[]>> sections = new LinkedHashMap<>();
        rows.forEach(row -> sections.computeIfAbsent(row[0].split("\\.")[0], key -> new ArrayList<>()).add(row));
        StringBuilder out = new StringBuilder();
        sections.forEach((section, sectionRows) -> {
            out.append(String.format("%n== %s ==%n", section));
            sectionRows.forEach(row -> out.append(String.format("  %-" + width + "s %14s  %s%n", row[0], row[1], row[2])));
        });
        return out.toString();
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void put(String path, Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            value = null;
        }
        String[] keys = path.split("\\.");
        Map<String, Object> node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(keys[i], key -> new LinkedHashMap<String, Object>());
        }
        node.put(keys[keys.length - 1], value);
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            return Double.isNaN(d) ? "n/a" : Math.abs(d) >= 100 ? String.format("%,.0f", d) : String.format("%.3g", d);
        }
        return value instanceof Long || value instanceof Integer ? String.format("%,d", value) : String.valueOf(value);
    }
}
