package org.investflow.platform.web;

import java.text.Normalizer;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads every JSON string in Unicode normalisation form C, so that a company or signer name typed
 * with combining characters ("Mu\u0308ller") is stored, compared and fingerprinted like its
 * precomposed twin ("Müller"). Only JSON strings are strings: a number is not coerced into one.
 */
final class NormalizedStrings extends StdScalarDeserializer<String> {

    NormalizedStrings() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            return Normalizer.normalize(parser.getString(), Normalizer.Form.NFC);
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}
