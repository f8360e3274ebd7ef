package org.investflow.negotiation.negotiation.web;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import org.investflow.negotiation.negotiation.TermsDiff;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** A diff between two versions: the changes for machines, the same as text for people. */
public record DiffView(int from, int to, List<TermsDiff.Change> changes, String text) {

    /** The human-readable form's content type. */
    static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    static DiffView of(TermsDiff diff) {
        return new DiffView(diff.from(), diff.to(), diff.changes(), diff.text());
    }

    /**
     * Whether {@code accept} ranks {@code text/plain} above JSON: the media ranges by quality, the first that
     * names one of the two decides; none, a wildcard, or an unreadable header keep JSON, the first release's form.
     */
    static boolean prefersText(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                    .filter(range -> range.isCompatibleWith(MediaType.APPLICATION_JSON) || range.isCompatibleWith(MediaType.TEXT_PLAIN))
                    .findFirst()
                    .map(range -> !range.isWildcardType() && range.isCompatibleWith(MediaType.TEXT_PLAIN))
                    .orElse(false);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
