package org.investflow.intake.reference;

/**
 * A district, county or development zone of the city an investment can target.
 *
 * @param code   administrative division code, or {@code CQ-…} for a development zone
 * @param name   English name, as the form sends it
 * @param nameZh Chinese name
 * @param kind   {@code district}, {@code county} or {@code development-zone}
 */
public record District(String code, String name, String nameZh, String kind) {
}
