package org.investflow.intake.intention.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.investflow.intake.intention.QueueQuery.Position;
import org.investflow.platform.domain.InvalidInputException;

/**
 * One page of a queue and the opaque cursor of the next one (null on the last page). The cursor
 * is the position of the page's last case, so inserts between requests neither repeat nor skip.
 */
public record QueuePage(List<IntentionView> items, String nextCursor) {

    static String cursorOf(IntentionView last) {
        String position = last.submittedAt().toEpochMilli() + "|" + last.caseId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static Position positionOf(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new Position(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidInputException(java.util.Map.of("cursor", "is not a cursor this service issued"));
        }
    }
}
