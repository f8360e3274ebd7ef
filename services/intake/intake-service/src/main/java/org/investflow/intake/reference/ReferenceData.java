package org.investflow.intake.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The form's shipped reference data, loaded once from {@code /data/}: ISIC Rev.4 divisions
 * ({@code isic-rev4-divisions.csv}) and the city's districts and development zones
 * ({@code chongqing-districts.csv}). Plain Java; the configuration makes one instance.
 */
public final class ReferenceData {

    private final Map<String, Industry> industries;
    private final Map<String, District> districts;

    private ReferenceData(List<Industry> industries, List<District> districts) {
        this.industries = index(industries, Industry::code);
        this.districts = index(districts, District::name);
    }

    /** The data shipped with this build. */
    public static ReferenceData shipped() {
        List<Industry> industries = CsvRows.read("/data/isic-rev4-divisions.csv").stream()
                .map(row -> new Industry(row.get(0) + row.get(1), row.get(0), row.get(1), row.get(2))).toList();
        List<District> districts = CsvRows.read("/data/chongqing-districts.csv").stream()
                .map(row -> new District(row.get(0), row.get(1), row.get(2), row.get(3))).toList();
        return new ReferenceData(industries, districts);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    public Optional<Industry> industry(String code) {
        return Optional.ofNullable(industries.get(code));
    }

    public Optional<District> district(String name) {
        return Optional.ofNullable(districts.get(name));
    }

    public List<Industry> industries() {
        return List.copyOf(industries.values());
    }

    public List<District> districts() {
        return List.copyOf(districts.values());
    }
}
