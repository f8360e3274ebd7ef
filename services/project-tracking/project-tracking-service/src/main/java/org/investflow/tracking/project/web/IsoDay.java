package org.investflow.tracking.project.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads a calendar day only from an ISO-8601 JSON string ({@code "2026-07-01"}). Jackson's own
 * date reader also takes {@code [2026,7,1]} whatever the strictness settings; a day has one spelling
 * on this API, so every other shape is refused as unreadable (400 naming the field).
 */
final class IsoDay extends StdScalarDeserializer<LocalDate> {

    IsoDay() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        }
        String text = parser.getString();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not an ISO-8601 day (yyyy-MM-dd)");
        }
    }
}
