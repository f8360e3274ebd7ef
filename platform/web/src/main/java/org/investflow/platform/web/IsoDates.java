package org.investflow.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads a date only as an ISO-8601 string ({@code "2026-03-02"}): Jackson would also take
 * {@code [2026,3,2]} or a number, which no client of ours sends on purpose.
 */
final class IsoDates extends StdScalarDeserializer<LocalDate> {

    IsoDates() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        }
        try {
            return LocalDate.parse(parser.getString());
        } catch (DateTimeParseException e) {
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, parser.getString(), "must be an ISO date such as 2026-03-02");
        }
    }
}
