package org.investflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The JSON every service reads: unknown, duplicate, coerced and non-ISO values are refused; strings are NFC. */
class StrictJsonTest {

    record Pledge(String company, int jobs, LocalDate from) {
    }

    private final JsonMapper json = strict();

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new WebAutoConfiguration().strictJson().customize(builder);
        return builder.build();
    }

    @Test
    void aWellFormedBodyIsReadAndItsStringsAreNormalisedToNfc() {
        Pledge pledge = json.readValue("{\"company\":\"Mu\u0308ller\",\"jobs\":350,\"from\":\"2026-05-01\"}", Pledge.class);

        assertThat(pledge.company()).isEqualTo("M\u00fcller");
        assertThat(pledge.jobs()).isEqualTo(350);
        assertThat(pledge.from()).isEqualTo(LocalDate.of(2026, 5, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"company\":\"a\",\"jobs\":1,\"from\":\"2026-05-01\",\"extra\":true}",
            "{\"company\":\"a\",\"company\":\"b\",\"jobs\":1,\"from\":\"2026-05-01\"}",
            "{\"company\":\"a\",\"jobs\":350.5,\"from\":\"2026-05-01\"}",
            "{\"company\":\"a\",\"jobs\":\"350\",\"from\":\"2026-05-01\"}",
            "{\"company\":42,\"jobs\":1,\"from\":\"2026-05-01\"}",
            "{\"company\":\"a\",\"jobs\":null,\"from\":\"2026-05-01\"}",
            "{\"company\":\"a\",\"jobs\":1,\"from\":\"01.05.2026\"}",
            "{\"company\":\"a\",\"jobs\":1,\"from\":\"2026-05-01\"} trailing"})
    void aBodyThatIsNotStrictlyWhatTheEndpointReadsIsRefused(String body) {
        assertThatThrownBy(() -> json.readValue(body, Pledge.class)).isInstanceOf(JacksonException.class);
    }
}
