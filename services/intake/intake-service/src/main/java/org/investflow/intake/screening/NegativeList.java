package org.investflow.intake.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The foreign-investment negative list as shipped in {@code /data/negative-list-<edition>.json},
 * mapped to ISIC Rev.4 divisions: which divisions are closed (prohibited) and which are open with a
 * restriction an officer must review.
 *
 * @param version the edition, e.g. {@code 2024}
 * @param title   the measure's official title
 */
public record NegativeList(String version, String title, List<Entry> entries) {

    /** One item of the list: the division it concerns, the measure and its text. */
    public record Entry(int item, String division, Measure measure, String text, String restriction) {
    }

    /** Whether the division is closed, or open under a restriction. */
    public enum Measure { PROHIBITED, RESTRICTED }

    /** The edition shipped with this build. */
    public static NegativeList shipped(String edition) {
        try (InputStream in = NegativeList.class.getResourceAsStream("/data/negative-list-" + edition + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no negative list edition " + edition + " is shipped");
            }
            return JsonMapper.builder().disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build().readValue(in, NegativeList.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The strictest entry of a division: a prohibition wins over a restriction. */
    public Optional<Entry> strictestFor(String division) {
        return entries.stream().filter(entry -> entry.division().equals(division))
                .min((a, b) -> a.measure().compareTo(b.measure()));
    }
}
